// Preferences: kept in QSettings, edited in the dialog, "" language follows the system.
#include "../isolatedsettings.h"
#include "dialogs/colourscheme.h"
#include "dialogs/preferencesdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace rnr;

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_settings.isValid()); }

    void defaultsThenRoundTrip()
    {
        QSettings().clear();
        const Preferences defaults = Preferences::load();
        QCOMPARE(defaults.language, QString());
        QCOMPARE(defaults.threads, 1);
        QCOMPARE(defaults.epochs, 20);
        QCOMPARE(defaults.effectiveLanguage(), QLocale::system().name());
        Preferences chosen;
        chosen.language = QStringLiteral("de");
        chosen.threads = 2;
        chosen.epochs = 7;
        chosen.save();
        const Preferences back = Preferences::load();
        QCOMPARE(back.language, QStringLiteral("de"));
        QCOMPARE(back.threads, 2);
        QCOMPARE(back.epochs, 7);
        QCOMPARE(back.effectiveLanguage(), QStringLiteral("de"));
        QSettings().setValue(QStringLiteral("threads"), -5); // a hand-edited file
        QCOMPARE(Preferences::load().threads, 1);
    }

    void colourSchemeRoundTripsAndApplies()
    {
        QSettings().clear();
        QCOMPARE(Preferences::load().scheme, QString());
        Preferences chosen;
        chosen.scheme = QStringLiteral("dark");
        chosen.save();
        QCOMPARE(Preferences::load().scheme, QStringLiteral("dark"));
        QSettings().setValue(QStringLiteral("colourScheme"), QStringLiteral("purple")); // hand-edited
        QCOMPARE(Preferences::load().scheme, QString());
        PreferencesDialog dialog(chosen);
        QCOMPARE(dialog.schemeBox()->currentData().toString(), QStringLiteral("dark"));
        dialog.schemeBox()->setCurrentIndex(dialog.schemeBox()->findData(QStringLiteral("light")));
        QCOMPARE(dialog.preferences().scheme, QStringLiteral("light"));
        // Applying: dark text on light and back; "" restores what the program started with.
        const QColor systemText = QApplication::palette().color(QPalette::Text);
        applyColourScheme(QStringLiteral("dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), darkPalette().color(QPalette::Base));
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() >
                QApplication::palette().color(QPalette::Base).lightness());
        applyColourScheme(QStringLiteral("light"));
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() <
                QApplication::palette().color(QPalette::Base).lightness());
        applyColourScheme(QString());
        QCOMPARE(QApplication::palette().color(QPalette::Text), systemText);
    }

    void dialogShowsAndReturnsTheChoice()
    {
        Preferences current;
        current.language = QStringLiteral("zh_CN");
        current.threads = 1;
        current.epochs = 12;
        PreferencesDialog dialog(current);
        QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("zh_CN"));
        QCOMPARE(dialog.epochsBox()->value(), 12);
        QCOMPARE(dialog.languageBox()->count(), 4); // system, English, Deutsch, 简体中文
        // Never "System default ()": a system without a language name gets the words alone.
        QVERIFY2(!dialog.languageBox()->itemText(0).contains(QStringLiteral("()")),
                 qPrintable(dialog.languageBox()->itemText(0)));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.epochsBox()->setValue(30);
        const Preferences chosen = dialog.preferences();
        QCOMPARE(chosen.language, QStringLiteral("de"));
        QCOMPARE(chosen.epochs, 30);
        QVERIFY(chosen.threads >= 1);
        if (const QByteArray dir = qgetenv("RNR_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("preferences.png"))));
        }
    }

private:
    fixtures::IsolatedSettings m_settings;
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
