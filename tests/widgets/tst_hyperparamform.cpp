// The hyper-parameter form: one editor per entry of the engine's table, values in and out
// unchanged, and "auto" for values derived from the data.
#include "panels/hyperparamform.h"

#include <QDoubleSpinBox>
#include <QTest>

#include <cmath>

using namespace rnr;

class TestHyperParamForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyHyperParameterHasAnEditor()
    {
        HyperParamForm form;
        for (const HyperParamInfo& info : hyperParamInfo())
            QVERIFY2(form.editor(QString::fromStdString(info.key)), info.key.c_str());
        QCOMPARE(describe(form.params()), describe(HyperParams{}));
    }

    void valuesComeBackAsTheyWent()
    {
        HyperParamForm form;
        HyperParams hp;
        hp.dim = 17;
        hp.lambda = 0.0125;
        hp.levels = 2;
        hp.balance = Balance::DWA;
        hp.likeThreshold = 3.5;
        form.setParams(hp);
        QCOMPARE(describe(form.params()), describe(hp));
    }

    void aDerivedValueReadsAuto()
    {
        HyperParamForm form;
        auto* spin = qobject_cast<QDoubleSpinBox*>(form.editor(QStringLiteral("like-threshold")));
        QVERIFY(spin);
        QCOMPARE(spin->text(), QStringLiteral("auto")); // the default: derived from the rating scale
        QVERIFY(std::isnan(form.params().likeThreshold));
        spin->setValue(4.5);
        QCOMPARE(form.params().likeThreshold, 4.5);
        spin->setValue(spin->minimum());
        QVERIFY(std::isnan(form.params().likeThreshold));
        // One step up from "auto" goes to what auto means for the data shown, not to the range's bottom.
        form.setAutoValue(QStringLiteral("like-threshold"), 4.0);
        spin->stepBy(1);
        QCOMPARE(form.params().likeThreshold, 4.0);
        spin->stepBy(1);
        QCOMPARE(form.params().likeThreshold, 4.5);
        spin->setValue(spin->minimum());
        HyperParams hp;
        hp.likeThreshold = -2; // a legitimate threshold on a scale below zero stays a number
        form.setParams(hp);
        QCOMPARE(form.params().likeThreshold, -2.0);
    }
};

QTEST_MAIN(TestHyperParamForm)
#include "tst_hyperparamform.moc"
