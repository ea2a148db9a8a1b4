#pragma once

#include "analysis/projection.h"
#include "analysis/projectionmethod.h"
#include "data/dataset.h"
#include "model/model.h"

#include <QWidget>

#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QCPColorScale;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;

namespace rnr {

class BackgroundWork;
class RunModel;
class ItemSearch;
class RunPicker;

/// The embeddings view: a 2-D PCA of the item vectors in the raw space (what R ranks with) and
/// in the post-FC space (what P rates with, after RnR's deviation and tied layer) side by side,
/// coloured by genre, popularity or mean rating; hovering shows the title, clicking selects an
/// item in both plots (and emits itemSelected). User vectors can be shown in the same
/// projections (the item PCA's axes: scores are p_u · q_i), and one user can be marked.
class EmbeddingView : public QWidget
{
    Q_OBJECT

public:
    enum class Colour
    {
        Genre,
        Popularity,
        MeanRating
    };

    explicit EmbeddingView(QWidget* parent = nullptr);

    /// data: the (filtered) data set the model was trained on.
    void setRun(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model, const QString& name);
    /// Adds a finished run to the "Run" chooser and shows it; the user can go back to any of them.
    /// Lists the finished runs of the window's run model (shared with the other views).
    void setRunModel(RunModel* runs);
    /// Forgets every run and shows none.
    void clearRuns();
    RunPicker* runPicker() const { return m_picker; }
    /// The text above plot p (0: the ranking space, 1: the rating space).
    QString caption(int p) const;
    ItemSearch* itemSearch() const { return m_search; }
    void setColour(Colour colour);
    /// PCA (at once, here) or t-SNE / UMAP (asked for with projectionRequested(), delivered
    /// with setProjected(); kept for the run, so that switching back is instant).
    void setMethod(ProjectionMethod method);
    ProjectionMethod method() const { return m_method; }
    /// Delivers the points of a requested projection (ignored when they no longer fit).
    void setProjected(int plot, ProjectionMethod method, const RowMatrix<float>& points);
    void setProjectionProgress(int plot, double fraction);
    /// A requested projection ended without points: cancelled (empty message) or failed.
    void projectionStopped(int plot, const QString& message);
    /// Points are being computed: the item and user vectors and their PCA after setRun(), or a
    /// requested t-SNE or UMAP.
    bool computing() const;
    /// Marks an item in both plots (no signal: this is how other views link to it).
    void select(std::uint32_t item);
    std::optional<std::uint32_t> selectedItem() const { return m_selected; }
    /// Marks a user's vector in both plots (nullopt: none).
    void selectUser(std::optional<std::uint32_t> user);
    std::optional<std::uint32_t> selectedUser() const { return m_selectedUser; }
    /// Whether every user vector is drawn under the items.
    void setShowUsers(bool show);
    const Dataset* dataset() const { return m_data.get(); }
    std::shared_ptr<const Dataset> sharedDataset() const { return m_data; }
    std::shared_ptr<const Model> model() const { return m_model; }
    const QString& runName() const { return m_name; }
    const RowMatrix<float>& userPoints(int plot) const { return m_userPoints[plot]; }
    /// The nearest item to a point of a plot within `pixels` (0: raw plot, 1: post-FC plot).
    std::optional<std::uint32_t> itemAt(int plot, const QPointF& pixel, double pixels = 8.0) const;
    QCustomPlot* plot(int index) const { return m_plots[index]; }
    /// The colour scale beside a plot (popularity and mean rating), or null.
    QCPColorScale* colourScale(int index) const { return m_scales[index]; }
    /// Fits both plots to their points again (the zoom and pan the user chose are dropped).
    void resetZoom();
    const RowMatrix<float>& points(int plot) const { return m_points[plot]; }

Q_SIGNALS:
    void itemSelected(std::uint32_t item);
    /// A non-linear projection of a plot's rows is wanted (compute off the GUI thread).
    void projectionRequested(int plot, rnr::ProjectionMethod method, const rnr::RowMatrix<float>& rows);
    /// The projections under way are no longer wanted.
    void projectionCancelled();

private:
    /// A space's PCA: the items' points, the users' on the same axes, the variance explained.
    struct SpacePca
    {
        RowMatrix<float> points, users;
        double explained[2] = {0, 0};
    };
    /// What setRun() computes off the GUI thread: per space (0 ranking, 1 rating) the item and
    /// user vectors and their PCA.
    struct Spaces
    {
        RowMatrix<float> items[2], users[2];
        SpacePca pca[2];
    };
    static Spaces prepareSpaces(const Model& model);
    void redraw();
    void project();
    QString methodLabel() const;
    /// The first part of a plot's caption: which item vectors it shows.
    QString spaceCaption(int plot) const;
    /// How each item is coloured: its bin, and each bin's name (empty: not in the legend) and colour.
    struct Colouring
    {
        std::vector<int> bin;
        QStringList names;
        std::vector<QColor> colours;
        bool sequential = false; ///< ordered values: a colour scale instead of legend entries
        bool logScale = false;
        double low = 0, high = 0; ///< the scale's range, in the values' units
        QString label;
    };
    Colouring colouring() const;
    void showColourScale(int plot, const Colouring* colours);
    void showTip(int plot, QMouseEvent* event);

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_model;
    QCustomPlot* m_plots[2];
    QCPColorScale* m_scales[2] = {nullptr, nullptr};
    QLabel* m_captions[2];
    QComboBox* m_colourBox;
    QCheckBox* m_usersBox;
    RunPicker* m_picker;
    QComboBox* m_methodBox;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    ItemSearch* m_search;
    ProjectionMethod m_method = ProjectionMethod::Pca;
    bool m_computing = false;
    double m_fraction[2] = {0, 0};
    QString m_name;
    RowMatrix<float> m_vectors[2];                           ///< what is projected: raw and rating-task item vectors
    RowMatrix<float> m_users[2];                             ///< the user vectors of each space (PCA only)
    SpacePca m_pca[2];                                       ///< each space's PCA, this run
    std::map<std::pair<int, int>, RowMatrix<float>> m_cache; ///< (method, plot) -> points, this run
    RowMatrix<float> m_points[2];
    bool m_fitted[2] = {false, false}; ///< the axes were fitted to the current points
    RowMatrix<float> m_userPoints[2];
    std::optional<std::uint32_t> m_selectedUser;
    Colour m_colour = Colour::Genre;
    std::optional<std::uint32_t> m_selected;
    BackgroundWork* m_work; ///< setRun()'s vectors and PCA
};

} // namespace rnr
