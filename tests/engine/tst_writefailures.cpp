// Saving where it cannot be saved (docs/testing.md, "Error paths"): a full disk (a 64 KiB tmpfs
// when the test may mount one, and a file-size limit, which fails writes the same way) and a
// folder the user may not write to. Every writer of the engine (session, checkpoint, run file,
// NumPy and TSV exports) must throw a message naming the file and the cause, leave the file that
// was there as it was, and leave no temporary file behind.
#include "../trainedruns.h"
#include "persist/checkpoint.h"
#include "persist/exports.h"
#include "persist/session.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rnr;

namespace {

struct Writer
{
    const char* name;
    std::function<void(const std::string&)> write;
};

/// The engine's writers, each writing something of a few hundred KiB at least.
std::vector<Writer> writers()
{
    static const auto data = fixtures::smallDemo(600, 400);
    static const RunResult run = fixtures::trainedRun(*data, "rnr:bpr+svd", 1);
    static const Session session = [] {
        Session s;
        s.dataset = data;
        s.spec = parseModelSpec("rnr:bpr+svd");
        return s;
    }();
    RowMatrix<float> rows(20000, 8);
    rows.setConstant(0.25f);
    return {
        {"session", [](const std::string& path) { saveSession(session, path); }},
        {"checkpoint", [](const std::string& path) { saveCheckpoint(makeCheckpoint(run.model, *data), path); }},
        {"npy", [rows](const std::string& path) { writeNpy(path, rows); }},
        {"tsv", [rows](const std::string& path) { writeVectorsTsv(path, rows); }},
    };
}

/// Runs f in a child process; its exit code (or 128 + the signal that ended it).
int inChild(const std::function<int()>& f)
{
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(f());
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Writes with `writer` over a file holding "previous", expecting a failure: 0 when the message
/// names the file and says why, the old file is intact and no temporary file is left.
int failsCleanly(const Writer& writer, const std::string& folder)
{
    const std::string path = folder + "/" + writer.name + ".out";
    try {
        writer.write(path);
        std::fprintf(stderr, "%s: the write succeeded\n", writer.name);
        return 1;
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        if (message.find(path) == std::string::npos || message.find("cannot write") == std::string::npos) {
            std::fprintf(stderr, "%s: unclear message: %s\n", writer.name, message.c_str());
            return 2;
        }
    }
    QFile old(QString::fromStdString(path));
    if (!old.open(QIODevice::ReadOnly) || old.readAll() != "previous") {
        std::fprintf(stderr, "%s: the previous file was changed\n", writer.name);
        return 3;
    }
    if (QFile::exists(QString::fromStdString(path + ".tmp"))) {
        std::fprintf(stderr, "%s: a temporary file was left\n", writer.name);
        return 4;
    }
    return 0;
}

void writePrevious(const std::string& folder)
{
    for (const Writer& writer : writers()) {
        QFile file(QString::fromStdString(folder + "/" + writer.name + ".out"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("previous");
    }
}

} // namespace

class TestWriteFailures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { writers(); } // trains the model before any fork

    void fullDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = QFile::encodeName(dir.path()).toStdString();
        if (::geteuid() != 0 || ::mount("tmpfs", folder.c_str(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("mounting a small tmpfs needs root (the file-size limit below covers the same path)");
        const auto unmount = qScopeGuard([&] { ::umount2(folder.c_str(), MNT_DETACH); });
        writePrevious(folder);
        for (const Writer& writer : writers())
            QCOMPARE(inChild([&] { return failsCleanly(writer, folder); }), 0);
    }

    void fileSizeLimit()
    {
        // Writes past RLIMIT_FSIZE fail with EFBIG, as writes to a full disk fail with ENOSPC.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = QFile::encodeName(dir.path()).toStdString();
        writePrevious(folder);
        for (const Writer& writer : writers())
            QCOMPARE(inChild([&] {
                         std::signal(SIGXFSZ, SIG_IGN);
                         const rlimit limit{32 * 1024, 32 * 1024};
                         ::setrlimit(RLIMIT_FSIZE, &limit);
                         return failsCleanly(writer, folder);
                     }),
                     0);
    }

    void readOnlyFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = QFile::encodeName(dir.path()).toStdString();
        writePrevious(folder);
        QVERIFY(::chmod(folder.c_str(), 0555) == 0);
        const auto writable = qScopeGuard([&] { ::chmod(folder.c_str(), 0755); });
        for (const Writer& writer : writers())
            QCOMPARE(inChild([&] {
                         // root may write anywhere: the child gives that up first.
                         if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                             return 10;
                         return failsCleanly(writer, folder);
                     }),
                     0);
    }
};

QTEST_GUILESS_MAIN(TestWriteFailures)
#include "tst_writefailures.moc"
