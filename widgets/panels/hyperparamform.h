#pragma once

#include "model/hyperparams.h"

#include <QWidget>

#include <vector>

class QFormLayout;

namespace rnr {

/// An editor for HyperParams generated from rnr::hyperParamInfo(): one field per
/// hyper-parameter, with the engine's range, choices and help text as tooltip. Adding a
/// hyper-parameter to the engine adds it here.
class HyperParamForm : public QWidget
{
    Q_OBJECT

public:
    explicit HyperParamForm(QWidget* parent = nullptr);

    HyperParams params() const;
    void setParams(const HyperParams& params);
    /// The editor widget of a key ("lr", "alpha"...), for tests and focus.
    QWidget* editor(const QString& key) const;
    /// For a value that may be "auto" (e.g. "like-threshold"): what "auto" means for the data
    /// shown, where stepping up from "auto" starts.
    void setAutoValue(const QString& key, double value);

Q_SIGNALS:
    void changed();

private:
    struct Field
    {
        const HyperParamInfo* info;
        QWidget* editor;
    };
    std::vector<Field> m_fields;
    QFormLayout* m_layout;
};

} // namespace rnr
