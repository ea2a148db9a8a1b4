#include "panels/experimentpanel.h"

#include "panels/hyperparamform.h"
#include "train/runresult.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rnr {

ExperimentPanel::ExperimentPanel(QWidget* parent)
    : QWidget(parent), m_ranker(new QComboBox(this)), m_rater(new QComboBox(this)), m_mode(new QComboBox(this)),
      m_splitUsers(new QSpinBox(this)), m_splitSeed(new QSpinBox(this)), m_ties(new QComboBox(this)),
      m_seeds(new QSpinBox(this)), m_grid(new QCheckBox(tr("Search the α × λ &grid"), this)),
      m_form(new HyperParamForm), m_problem(new QLabel(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_compare(new QPushButton(tr("Compare with &vanilla"), this)), m_pause(new QPushButton(tr("&Pause"), this)),
      m_stop(new QPushButton(tr("S&top"), this))
{
    m_ranker->addItem(tr("None"), int(Ranker::None));
    m_ranker->addItem(tr("Popularity"), int(Ranker::Popularity));
    m_ranker->addItem(QStringLiteral("BPR"), int(Ranker::BPR));
    m_ranker->addItem(QStringLiteral("CDAE"), int(Ranker::CDAE));
    m_ranker->addItem(QStringLiteral("WRMF"), int(Ranker::WRMF));
    m_ranker->setToolTip(tr("The ranking task R: which items a user chooses (implicit feedback)."));
    m_rater->addItem(tr("None"), int(Rater::None));
    m_rater->addItem(QStringLiteral("SVD"), int(Rater::SVD));
    m_rater->addItem(QStringLiteral("SVD++"), int(Rater::SVDpp));
    m_rater->setToolTip(tr("The rating task P: how a user rates an item after consuming it."));
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Single task"), int(Coupling::Single));
    // The multi-task couplings from the engine's table, each with what its rating task sees.
    for (const CouplingInfo& coupling : couplingInfo()) {
        m_mode->addItem(QCoreApplication::translate("rnr::Coupling", coupling.label.c_str()), int(coupling.coupling));
        m_mode->setItemData(m_mode->count() - 1, QCoreApplication::translate("rnr::Coupling", coupling.help.c_str()),
                            Qt::ToolTipRole);
    }
    m_mode->setToolTip(tr("How the two tasks share the user and item vectors (each entry's tooltip says what the "
                          "rating task sees)."));

    auto* model = new QGroupBox(tr("Model"), this);
    auto* modelForm = new QFormLayout(model);
    modelForm->addRow(tr("&Ranking:"), m_ranker);
    modelForm->addRow(tr("R&ating:"), m_rater);
    modelForm->addRow(tr("&Mode:"), m_mode);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d55e00"));
    modelForm->addRow(m_problem);

    auto* split = new QGroupBox(tr("Split"), this);
    auto* splitForm = new QFormLayout(split);
    m_splitUsers->setRange(0, 100000000);
    m_splitUsers->setSpecialValueText(tr("all"));
    m_splitUsers->setToolTip(tr("Users whose latest rating is held out (half validation, half test); 0 = all."));
    m_splitSeed->setRange(0, 1000000);
    m_splitSeed->setValue(1);
    m_splitSeed->setToolTip(tr("Seed of the split and of the model's initialisation."));
    splitForm->addRow(tr("Held-out &users:"), m_splitUsers);
    splitForm->addRow(tr("S&eed:"), m_splitSeed);
    // docs/method.md, "Split": which item is held out when a user's last timestamp is shared.
    m_ties->addItem(tr("Larger item id"), int(TieRule::ItemId));
    m_ties->addItem(tr("Later row of the file"), int(TieRule::FileOrder));
    m_ties->addItem(tr("Random (by the seed)"), int(TieRule::Random));
    m_ties->addItem(tr("Drop such users from held-out"), int(TieRule::Drop));
    m_ties->setItemData(0, tr("The larger item id (by value when ids are numbers): independent of the row order."),
                        Qt::ToolTipRole);
    m_ties->setItemData(1, tr("The later row of the file: reordering the file changes the split."), Qt::ToolTipRole);
    m_ties->setItemData(2, tr("One of the tied items, drawn with the split's seed: independent of the row order."),
                        Qt::ToolTipRole);
    m_ties->setItemData(3, tr("Users whose last timestamp is shared by several ratings are only trained on."),
                        Qt::ToolTipRole);
    m_ties->setToolTip(tr("Which rating is held out when a user rated several items in the same second as their "
                          "last rating (in MovieLens 100K, 415 of 943 users)."));
    splitForm->addRow(tr("&Ties:"), m_ties);
    m_seeds->setRange(1, 20);
    m_seeds->setToolTip(tr("Runs per model with seeds seed, seed + 1, ...: the results table shows mean ± std "
                           "over them and the paired test pairs them by seed."));
    splitForm->addRow(tr("See&ds:"), m_seeds);
    const GridSettings paper;
    m_grid->setToolTip(tr("Train every point of the paper's grid (α ∈ {%1}, λ ∈ {%2}; λ only for single-task "
                          "models) and keep the one with the best validation Recall@k.")
                           .arg(QString::fromStdString(gridAxisText(paper.alphas, ", ")),
                                QString::fromStdString(gridAxisText(paper.lambdas, ", "))));
    splitForm->addRow(m_grid);

    auto* hyper = new QGroupBox(tr("Hyper-parameters"), this);
    auto* scroll = new QScrollArea(hyper);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_form->sizeHint().width() + 24);
    auto* hyperLayout = new QVBoxLayout(hyper);
    hyperLayout->addWidget(scroll);

    m_start->setToolTip(tr("Train the selected model on the engine thread."));
    m_compare->setToolTip(tr("Queue the selected RnR model and its vanilla twin on the same data, split and seed."));
    m_pause->setCheckable(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(model);
    layout->addWidget(split);
    layout->addWidget(hyper, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_compare);

    for (QComboBox* box : {m_ranker, m_rater, m_mode})
        connect(box, &QComboBox::currentIndexChanged, this, &ExperimentPanel::updateState);
    for (QSpinBox* box : {m_splitUsers, m_splitSeed})
        connect(box, &QSpinBox::valueChanged, this, &ExperimentPanel::splitChanged);
    connect(m_ties, &QComboBox::currentIndexChanged, this, &ExperimentPanel::splitChanged);
    connect(m_start, &QPushButton::clicked, this, &ExperimentPanel::startRequested);
    connect(m_compare, &QPushButton::clicked, this, &ExperimentPanel::compareRequested);
    connect(m_stop, &QPushButton::clicked, this, &ExperimentPanel::stopRequested);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        Q_EMIT pauseToggled(paused);
    });
    setSpec(parseModelSpec(kDefaultModel));
    setRunning(false, false);
}

std::optional<ModelSpec> ExperimentPanel::spec(QString* reason) const
{
    ModelSpec s;
    s.ranker = static_cast<Ranker>(m_ranker->currentData().toInt());
    s.rater = static_cast<Rater>(m_rater->currentData().toInt());
    s.coupling = static_cast<Coupling>(m_mode->currentData().toInt());
    if (s.isCascade())
        s.rater = Rater::None; // the second task is the like head
    QString problem;
    if (s.isCascade() && !s.hasRanker())
        problem = tr("Choose-then-like cascades need a learnt ranking algorithm (BPR, CDAE, WRMF) as their choice "
                     "head; they have no rating algorithm.");
    else if (s.isCascade())
        problem.clear();
    else if (s.coupling == Coupling::Single && s.ranker != Ranker::None && s.rater != Rater::None)
        problem = tr("A single-task model has either a ranking or a rating algorithm: choose None for the other, "
                     "or a multi-task mode.");
    else if (s.coupling == Coupling::Single && s.ranker == Ranker::None && s.rater == Rater::None)
        problem = tr("Choose a ranking or a rating algorithm.");
    else if (s.coupling != Coupling::Single && (!s.hasRanker() || !s.hasRater()))
        problem = tr("Multi-task modes need a learnt ranking algorithm (BPR, CDAE, WRMF) and a rating algorithm.");
    if (reason)
        *reason = problem;
    if (!problem.isEmpty())
        return std::nullopt;
    return s;
}

void ExperimentPanel::setSpec(const ModelSpec& s)
{
    m_ranker->setCurrentIndex(m_ranker->findData(int(s.ranker)));
    m_rater->setCurrentIndex(m_rater->findData(int(s.rater)));
    m_mode->setCurrentIndex(m_mode->findData(int(s.coupling)));
    updateState();
}

HyperParams ExperimentPanel::params() const
{
    return m_form->params();
}

void ExperimentPanel::setParams(const HyperParams& params)
{
    m_form->setParams(params);
}

SplitConfig ExperimentPanel::split() const
{
    SplitConfig config;
    config.users = m_splitUsers->value() == 0 ? kAllUsers : std::uint32_t(m_splitUsers->value());
    config.seed = std::uint64_t(m_splitSeed->value());
    config.ties = static_cast<TieRule>(m_ties->currentData().toInt());
    return config;
}

void ExperimentPanel::setSplit(const SplitConfig& split)
{
    m_splitUsers->setValue(split.users >= std::uint32_t(m_splitUsers->maximum()) ? 0 : int(split.users));
    m_splitSeed->setValue(int(std::min<std::uint64_t>(split.seed, std::uint64_t(m_splitSeed->maximum()))));
    m_ties->setCurrentIndex(std::max(0, m_ties->findData(int(split.ties))));
}

int ExperimentPanel::seeds() const
{
    return m_seeds->value();
}

void ExperimentPanel::setSeeds(int seeds)
{
    m_seeds->setValue(seeds);
}

bool ExperimentPanel::gridSearch() const
{
    return m_grid->isChecked();
}

void ExperimentPanel::setGridSearch(bool on)
{
    m_grid->setChecked(on);
}

void ExperimentPanel::setRunning(bool running, bool paused)
{
    m_running = running;
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    const bool checked = running && paused;
    if (m_pause->isChecked() != checked) {
        const QSignalBlocker blocker(m_pause);
        m_pause->setChecked(checked);
    }
    m_pause->setText(checked ? tr("&Resume") : tr("&Pause"));
    updateState();
}

void ExperimentPanel::updateState()
{
    QString problem;
    const auto s = spec(&problem);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_start->setEnabled(s.has_value());
    m_compare->setEnabled(s && s->coupling != Coupling::Single && !s->isCascade());
    const bool cascade = findCoupling(static_cast<Coupling>(m_mode->currentData().toInt())) &&
                         findCoupling(static_cast<Coupling>(m_mode->currentData().toInt()))->cascade;
    m_rater->setEnabled(!cascade);
    m_rater->setToolTip(cascade ? tr("Choose-then-like cascades have a like head instead of a rating algorithm.")
                                : tr("The rating task P: how a user rates an item after consuming it."));
}

} // namespace rnr
