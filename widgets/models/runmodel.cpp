#include "models/runmodel.h"

#include <QRegularExpression>

#include <algorithm>

namespace rnr {

RunModel::RunModel(QObject* parent) : QAbstractListModel(parent) {}

int RunModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

QVariant RunModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Run& r = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.name;
    case IdRole:
        return r.id;
    case StateRole:
        return int(r.state);
    case SpecRole:
        return QString::fromStdString(r.spec.name());
    default:
        return {};
    }
}

void RunModel::addRun(quint64 id, const QString& name, std::shared_ptr<const Dataset> data, const ModelSpec& spec,
                      int epochs, int number)
{
    if (number == 0) {
        static const QRegularExpression numbered(QStringLiteral("#(\\d+)"));
        number = numbered.match(name).captured(1).toInt();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    Run r;
    r.id = id;
    r.name = name;
    r.data = std::move(data);
    r.spec = spec;
    r.epochs = epochs;
    r.number = number;
    m_runs.push_back(std::move(r));
    m_rows.insert(id, row);
    endInsertRows();
}

int RunModel::nextNumber() const
{
    int largest = 0;
    for (const Run& r : m_runs)
        largest = std::max(largest, r.number);
    return largest + 1;
}

int RunModel::rowOf(quint64 id) const
{
    return m_rows.value(id, -1);
}

void RunModel::setState(quint64 id, State state)
{
    const int row = rowOf(id);
    if (row < 0 || m_runs[std::size_t(row)].state == state)
        return;
    m_runs[std::size_t(row)].state = state;
    Q_EMIT dataChanged(index(row), index(row), {StateRole});
}

bool RunModel::rename(quint64 id, const QString& name)
{
    const int row = rowOf(id);
    const QString trimmed = name.trimmed();
    if (row < 0 || trimmed.isEmpty())
        return false;
    if (m_runs[std::size_t(row)].name != trimmed) {
        m_runs[std::size_t(row)].name = trimmed;
        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole});
        Q_EMIT runRenamed(id, trimmed);
    }
    return true;
}

void RunModel::finish(quint64 id, const RunOutcome& outcome)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_runs[std::size_t(row)].outcome = outcome;
    setState(id, State::Finished);
    Q_EMIT runFinished(id);
}

quint64 RunModel::addCurve(quint64 id, const HyperParams& point)
{
    const int row = rowOf(id);
    if (row < 0)
        return 0;
    const quint64 curve = m_nextCurve++;
    Run& r = m_runs[std::size_t(row)];
    r.curves.push_back(curve);
    r.curvePoints.push_back(point);
    r.batches.emplace_back();
    return curve;
}

void RunModel::addBatch(quint64 id, const BatchProgress& progress)
{
    const int row = rowOf(id);
    if (row >= 0 && !m_runs[std::size_t(row)].batches.empty())
        m_runs[std::size_t(row)].batches.back().push_back(progress);
}

const std::vector<BatchProgress>& RunModel::Run::keptBatches() const
{
    static const std::vector<BatchProgress> none;
    if (batches.empty())
        return none;
    // A grid run kept its best point: the curve trained with the kept alpha and lambda.
    if (batches.size() > 1)
        for (std::size_t c = 0; c < batches.size(); ++c)
            if (curvePoints[c].alpha == outcome.result.hp.alpha && curvePoints[c].lambda == outcome.result.hp.lambda)
                return batches[c];
    return batches.back();
}

quint64 RunModel::currentCurve(quint64 id) const
{
    const Run* r = run(id);
    return r && !r->curves.empty() ? r->curves.back() : 0;
}

std::optional<std::pair<int, RunModel::Run>> RunModel::take(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0 || m_runs[std::size_t(row)].state == State::Queued || m_runs[std::size_t(row)].state == State::Running)
        return std::nullopt;
    beginRemoveRows({}, row, row);
    Run run = std::move(m_runs[std::size_t(row)]);
    m_runs.erase(m_runs.begin() + row);
    m_rows.clear();
    for (int r = 0; r < int(m_runs.size()); ++r)
        m_rows.insert(m_runs[std::size_t(r)].id, r);
    endRemoveRows();
    Q_EMIT runRemoved(id, run.outcome.model.get());
    return std::make_pair(row, std::move(run));
}

void RunModel::putBack(int row, Run run)
{
    row = std::clamp(row, 0, rowCount());
    const quint64 id = run.id;
    const bool finished = run.state == State::Finished;
    beginInsertRows({}, row, row);
    m_runs.insert(m_runs.begin() + row, std::move(run));
    m_rows.clear();
    for (int r = 0; r < int(m_runs.size()); ++r)
        m_rows.insert(m_runs[std::size_t(r)].id, r);
    endInsertRows();
    if (finished)
        Q_EMIT runFinished(id);
}

void RunModel::clear()
{
    beginResetModel();
    m_runs.clear();
    m_rows.clear();
    endResetModel();
}

const RunModel::Run* RunModel::run(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_runs[std::size_t(row)];
}

QList<quint64> RunModel::ids(State state) const
{
    QList<quint64> out;
    for (const Run& r : m_runs)
        if (r.state == state)
            out << r.id;
    return out;
}

QList<RunOutcome> RunModel::finishedOutcomes() const
{
    QList<RunOutcome> out;
    for (const Run& r : m_runs)
        if (r.state == State::Finished)
            out << r.outcome;
    return out;
}

std::uint64_t RunModel::datasetKey(quint64 id)
{
    const Run* r = run(id);
    if (!r || !r->data)
        return 0;
    // Keyed by address; the weak pointer tells a live entry from one whose data set is gone (a
    // new data set may reuse the address).
    const Dataset* set = r->data.get();
    auto it = m_fingerprints.find(set);
    if (it == m_fingerprints.end() || it->first.expired()) // the run's own, else (rarely) computed here
        it = m_fingerprints.insert(set, {r->data, r->outcome.datasetFingerprint != 0 ? r->outcome.datasetFingerprint
                                                                                     : r->data->fingerprint()});
    return it->second;
}

} // namespace rnr
