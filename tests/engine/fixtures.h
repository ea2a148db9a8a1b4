#pragma once

// Helpers for tests that need files on disk: every fixture is written by the test itself into a
// QTemporaryDir, byte for byte as the publisher writes it (no newline translation, no encoding
// conversion), so that the loaders see exactly what they would see in the wild.

#include "core/errors.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

namespace fixtures {

/// The path of name inside dir, as the engine takes it (local 8-bit encoding).
inline std::string pathIn(const QTemporaryDir& dir, const QString& name)
{
    return QFile::encodeName(QDir::cleanPath(dir.filePath(name))).toStdString();
}

/// Creates the folder name (and its parents) inside dir; returns its path.
inline std::string makeFolder(const QTemporaryDir& dir, const QString& name)
{
    if (!QDir(dir.path()).mkpath(name))
        qFatal("fixtures: cannot create the folder %s", qPrintable(dir.filePath(name)));
    return pathIn(dir, name);
}

/// Writes bytes into dir/name exactly as given, creating sub-folders; returns the file's path.
inline std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        qFatal("fixtures: cannot create the folder for %s", qPrintable(path));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("fixtures: cannot write %s", qPrintable(path));
    file.close();
    return pathIn(dir, name);
}

/// Lines each followed by eol ("\n" by default, "\r\n" for files written on Windows).
inline QByteArray joinLines(std::initializer_list<QByteArray> lines, const QByteArray& eol = "\n")
{
    QByteArray text;
    for (const auto& line : lines)
        text += line + eol;
    return text;
}

/// Runs f and returns the DataError it threw, or nothing when it returned normally. Any other
/// exception propagates (and fails the test).
template <typename F> std::optional<rnr::DataError> dataErrorFrom(F&& f)
{
    try {
        std::forward<F>(f)();
    } catch (const rnr::DataError& error) {
        return error;
    }
    return std::nullopt;
}

} // namespace fixtures
