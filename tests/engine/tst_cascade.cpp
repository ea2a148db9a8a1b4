// The cascades of docs/method.md ("Choose, then like"), ESMM and the pairwise loss, on every
// learnt choice head: the like task's loss against one written out here from the method notes,
// every block's gradient against finite differences (in double, away from the hinge's and ReLU's
// kinks), the samples and the task weights' reach.
#include "core/detail/rng.h"
#include "core/errors.h"
#include "data/split.h"
#include "model/model.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace rnr;

namespace {

constexpr std::uint32_t kUsers = 5, kItems = 7, kDim = 4;
constexpr double kThreshold = 4.0;
constexpr double kStep = 1e-6;
constexpr double kKink = 1e-3; // no hinge argument or ReLU pre-activation closer than this to 0

struct Rated
{
    std::uint32_t user, item;
    float rating;
};

// Liked (>= 4): user 0 items 0, 2; user 1 item 3; user 2 item 4; user 3 item 3. Every batch user
// also has a chosen-but-not-liked item and items it never rated; user 4 is never in a batch.
const std::vector<Rated> kRatings = {
    {0, 0, 4.0f}, {0, 1, 3.0f}, {0, 2, 5.0f}, {0, 5, 2.0f}, {1, 1, 1.0f}, {1, 3, 4.0f}, {2, 0, 2.0f},
    {2, 2, 3.0f}, {2, 4, 5.0f}, {3, 3, 5.0f}, {3, 5, 1.0f}, {4, 0, 3.0f}, {4, 6, 2.0f},
};

double sigma(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

double activation(Activation a, double z)
{
    switch (a) {
    case Activation::Tanh:
        return std::tanh(z);
    case Activation::ReLU:
        return std::max(z, 0.0);
    case Activation::Sigmoid:
        return sigma(z);
    case Activation::Identity:
        break;
    }
    return z;
}

struct Setup
{
    QString model;
    Activation activation = Activation::Tanh;
    double alpha = 0.6, lambda = 0.01;
    PairHeads heads = PairHeads::Like;
    std::uint32_t likeNegatives = 2;
};

HyperParams hyperParams(const Setup& s)
{
    HyperParams hp;
    hp.dim = kDim;
    hp.alpha = s.alpha;
    hp.lambda = s.lambda;
    hp.activation = s.activation;
    hp.bprNegatives = 2;
    hp.cdaeDropout = 0.5;
    hp.cdaeNegatives = 2;
    hp.wrmfNegatives = 2;
    hp.wrmfConfidence = 0.5;
    hp.likeThreshold = kThreshold;
    hp.likeNegatives = s.likeNegatives;
    hp.pairWeight = 0.7;
    hp.pairMarginChosen = 0.3;
    hp.pairMarginUnchosen = 0.6;
    hp.pairHeads = s.heads;
    return hp;
}

UserItems history()
{
    std::vector<Interaction> rows;
    for (std::size_t k = 0; k < kRatings.size(); ++k) {
        const auto n = static_cast<std::uint32_t>(k);
        rows.push_back(Interaction{std::int64_t(n), kRatings[k].user, kRatings[k].item, n + 1, kRatings[k].rating});
    }
    return buildUserItems(rows, kUsers, kItems);
}

/// All tuples of users 0-3, grouped by user.
Batch makeBatch()
{
    Batch batch;
    for (const Rated& r : kRatings) {
        if (r.user == 4)
            continue;
        if (batch.groupUsers.empty() || batch.groupUsers.back() != r.user) {
            batch.groupUsers.push_back(r.user);
            batch.groupStart.push_back(static_cast<std::uint32_t>(batch.size()));
        }
        batch.users.push_back(r.user);
        batch.items.push_back(r.item);
        batch.ratings.push_back(r.rating);
    }
    batch.groupStart.push_back(static_cast<std::uint32_t>(batch.size()));
    return batch;
}

/// The choice head's logit s(u, j), written out per ranker (CDAE: from group g's kept inputs).
double choiceLogit(const ModelT<double>& m, const Batch& b, std::size_t g, std::uint32_t u, std::uint32_t j)
{
    const Params<double>& p = m.params();
    switch (m.spec().ranker) {
    case Ranker::BPR:
        return p[Block::Users].row(u).dot(p[Block::Items].row(j)) + p[Block::RankItemBias](j, 0);
    case Ranker::WRMF:
        return p[Block::Users].row(u).dot(p[Block::Items].row(j));
    case Ranker::CDAE: {
        Vector<double> a = p[Block::Users].row(u).transpose() + p[Block::CdaeHiddenBias].row(0).transpose();
        for (auto k = b.cdaeInputStart[g]; k < b.cdaeInputStart[g + 1]; ++k)
            a += p[Block::CdaeInput].row(b.cdaeInputs[k]).transpose() / (1.0 - m.hyperParams().cdaeDropout);
        const Vector<double> z = a.unaryExpr([](double x) { return sigma(x); });
        return z.dot(p[Block::Items].row(j).transpose()) + p[Block::RankItemBias](j, 0);
    }
    default:
        break;
    }
    return NAN;
}

/// The like tower's logit t(u, j) = g(W_L p_u + c_L) . g(W_L q_j + c_L) + b^L_j; pre collects the
/// pre-activations.
double likeLogit(const ModelT<double>& m, std::uint32_t u, std::uint32_t j, std::vector<double>* pre = nullptr)
{
    const Params<double>& p = m.params();
    auto side = [&](const Vector<double>& v) {
        const Vector<double> z = p[Block::LikeWeight] * v + p[Block::LikeBias].row(0).transpose();
        if (pre)
            pre->insert(pre->end(), z.data(), z.data() + z.size());
        const Activation g = m.hyperParams().activation;
        return Vector<double>(z.unaryExpr([g](double x) { return activation(g, x); }));
    };
    return side(p[Block::Users].row(u).transpose()).dot(side(p[Block::Items].row(j).transpose())) +
           p[Block::LikeItemBias](j, 0);
}

struct Reference
{
    double loss = 0;                    ///< the like task's sum of terms
    std::vector<double> hingeArguments; ///< every hinge's m - (f_a - f_b)
    std::vector<double> preActivations; ///< the tower's
};

/// The like task's loss from method.md: per tuple its item (label: liked) and its unrated items
/// (label 0), -[y log p + (1 - y) log(1 - p)] with p = sigma(s) sigma(t); for pairwise, per user
/// the k-th liked tuple against the (k mod |C|)-th chosen-not-liked one (m1) and its own first
/// unrated item (m2), w * max(0, m - (f_a - f_b)) on f = log p (and on s with both heads).
Reference reference(const ModelT<double>& m, const Batch& b)
{
    Reference out;
    const HyperParams& hp = m.hyperParams();
    const std::uint32_t K = b.likeNegativesPerTuple;
    std::vector<double> f(b.size() * (K + 1)), s(f.size());
    for (std::size_t g = 0; g + 1 < b.groupStart.size(); ++g)
        for (std::size_t t = b.groupStart[g]; t < b.groupStart[g + 1]; ++t)
            for (std::uint32_t k = 0; k <= K; ++k) {
                const std::uint32_t j = k == 0 ? b.items[t] : b.likeNegatives[t * K + k - 1];
                const std::size_t q = t * (K + 1) + k;
                s[q] = choiceLogit(m, b, g, b.users[t], j);
                const double p = sigma(s[q]) * sigma(likeLogit(m, b.users[t], j, &out.preActivations));
                const bool y = k == 0 && b.ratings[t] >= kThreshold;
                f[q] = std::log(p);
                out.loss -= y ? std::log(p) : std::log(1.0 - p);
            }
    if (m.spec().coupling != Coupling::Pairwise)
        return out;
    auto hinge = [&](double margin, const std::vector<double>& score, std::size_t a, std::size_t c) {
        const double h = margin - (score[a] - score[c]);
        out.hingeArguments.push_back(h);
        out.loss += hp.pairWeight * std::max(h, 0.0);
    };
    for (std::size_t g = 0; g + 1 < b.groupStart.size(); ++g) {
        std::vector<std::size_t> likes, others;
        for (std::size_t t = b.groupStart[g]; t < b.groupStart[g + 1]; ++t)
            (b.ratings[t] >= kThreshold ? likes : others).push_back(t * (K + 1));
        for (std::size_t k = 0; k < likes.size(); ++k)
            for (const std::vector<double>* score : {&f, &s}) {
                if (score == &s && hp.pairHeads != PairHeads::Both)
                    continue;
                if (!others.empty())
                    hinge(hp.pairMarginChosen, *score, likes[k], others[k % others.size()]);
                hinge(hp.pairMarginUnchosen, *score, likes[k], likes[k] + 1);
            }
    }
    return out;
}

struct Fixture
{
    ModelT<double> model;
    Batch batch;
};

/// A model with random parameters (biases too) clear of the kinks, and its sampled batch.
Fixture makeFixture(const Setup& setup, std::uint64_t seed = 5)
{
    ModelT<double> model(parseModelSpec(setup.model.toStdString()), hyperParams(setup), kUsers, kItems, history(), 3.1);
    Rng rng(seed);
    model.initialise(rng);
    Batch batch = makeBatch();
    model.sample(batch, rng);
    for (int attempt = 0; attempt < 2000; ++attempt) {
        for (auto& block : model.params().blocks)
            for (Eigen::Index r = 0; r < block.rows(); ++r)
                for (Eigen::Index c = 0; c < block.cols(); ++c)
                    block(r, c) = 0.8 * (2.0 * rng.uniform() - 1.0);
        const Reference ref = reference(model, batch);
        const bool relu = setup.activation == Activation::ReLU;
        bool clear = std::all_of(ref.hingeArguments.begin(), ref.hingeArguments.end(),
                                 [](double h) { return std::abs(h) >= kKink; });
        if (relu)
            clear = clear && std::all_of(ref.preActivations.begin(), ref.preActivations.end(),
                                         [](double z) { return std::abs(z) >= kKink; });
        if (clear)
            break;
    }
    return Fixture{std::move(model), std::move(batch)};
}

bool agrees(double a, double n)
{
    return std::abs(a - n) <= 1e-6 + 1e-4 * std::max(std::abs(a), std::abs(n));
}

void addRows()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("activation");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("lambda");
    QTest::addColumn<int>("heads");
    auto row = [](const char* label, const char* model, Activation g, double alpha, double lambda, PairHeads heads) {
        QTest::newRow(label) << QString(model) << int(g) << alpha << lambda << int(heads);
    };
    for (const char* r : {"bpr", "cdae", "wrmf"})
        for (const char* design : {"esmm:", "pairwise:"}) {
            const QByteArray name = QByteArray(design) + r;
            row(name.constData(), name.constData(), Activation::Tanh, 0.6, 0.01, PairHeads::Like);
        }
    row("pairwise:bpr/both-heads", "pairwise:bpr", Activation::Tanh, 0.6, 0.01, PairHeads::Both);
    row("pairwise:cdae/both-heads/relu", "pairwise:cdae", Activation::ReLU, 0.6, 0.01, PairHeads::Both);
    row("esmm:wrmf/sigmoid", "esmm:wrmf", Activation::Sigmoid, 0.6, 0.01, PairHeads::Like);
    row("esmm:bpr/identity/lambda-0", "esmm:bpr", Activation::Identity, 0.6, 0.0, PairHeads::Like);
    row("pairwise:wrmf/alpha-0", "pairwise:wrmf", Activation::Tanh, 0.0, 0.01, PairHeads::Like);
    row("esmm:cdae/alpha-1/lambda-0", "esmm:cdae", Activation::Tanh, 1.0, 0.0, PairHeads::Like);
}

Setup setupOf(const QString& model, int activation, double alpha, double lambda, int heads)
{
    Setup s;
    s.model = model;
    s.activation = static_cast<Activation>(activation);
    s.alpha = alpha;
    s.lambda = lambda;
    s.heads = static_cast<PairHeads>(heads);
    return s;
}

} // namespace

class TestCascade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAndShapes()
    {
        const ModelSpec esmm = parseModelSpec("esmm:bpr");
        QCOMPARE(esmm.coupling, Coupling::ESMM);
        QVERIFY(esmm.isCascade() && !esmm.hasRater());
        QCOMPARE(esmm.name(), std::string("esmm:bpr"));
        QCOMPARE(esmm.title(), std::string("ESMM(BPR)"));
        QCOMPARE(parseModelSpec("pairwise:cdae").title(), std::string("Pairwise(CDAE)"));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseModelSpec("esmm:popularity"));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseModelSpec("esmm:bpr+svd"));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseModelSpec("pairwise"));
        const auto names = allModelNames();
        for (const char* name :
             {"esmm:bpr", "esmm:cdae", "esmm:wrmf", "pairwise:bpr", "pairwise:cdae", "pairwise:wrmf"})
            QVERIFY(std::find(names.begin(), names.end(), name) != names.end());
        // The threshold must be resolved before a cascade is built (the model has no scale).
        HyperParams hp = hyperParams(Setup{"esmm:bpr"});
        hp.likeThreshold = NAN;
        QVERIFY_THROWS_EXCEPTION(UsageError, ModelT<double>(esmm, hp, kUsers, kItems, history(), 3.0));
    }

    void samplesUnratedItemsPerTuple()
    {
        Fixture f = makeFixture(Setup{"pairwise:bpr"});
        QVERIFY(f.model.groupsByUser()); // a user's pairs meet in one batch
        QVERIFY(!makeFixture(Setup{"esmm:bpr"}).model.groupsByUser());
        QCOMPARE(f.batch.likeNegatives.size(), f.batch.size() * 2);
        const UserItems h = history();
        for (std::size_t t = 0; t < f.batch.size(); ++t)
            for (std::uint32_t k = 0; k < 2; ++k)
                QVERIFY(!h.contains(f.batch.users[t], f.batch.likeNegatives[t * 2 + k]));
        const std::set<Block> like{Block::LikeWeight, Block::LikeBias, Block::LikeItemBias};
        for (const Block b : like)
            QVERIFY(f.model.params()[b].size() > 0);
        QCOMPARE(f.model.params()[Block::RateUserBias].size(), Eigen::Index(0)); // no rating component
    }

    void likeLossMatchesTheMethodNotes_data() { addRows(); }
    void likeLossMatchesTheMethodNotes()
    {
        QFETCH(QString, model);
        QFETCH(int, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(int, heads);
        Fixture f = makeFixture(setupOf(model, activation, alpha, lambda, heads));
        const Losses losses = f.model.objective(f.batch, nullptr);
        const Reference ref = reference(f.model, f.batch);
        QVERIFY2(std::abs(losses.rating - ref.loss) <= 1e-9 * std::max(1.0, ref.loss),
                 QByteArray::number(losses.rating, 'g', 12) + " vs " + QByteArray::number(ref.loss, 'g', 12));
        if (model.startsWith("pairwise")) { // the hinge is exercised on both of its sides
            QVERIFY(std::any_of(ref.hingeArguments.begin(), ref.hingeArguments.end(), [](double h) { return h > 0; }));
            QVERIFY(std::any_of(ref.hingeArguments.begin(), ref.hingeArguments.end(), [](double h) { return h < 0; }));
            QVERIFY(std::all_of(ref.hingeArguments.begin(), ref.hingeArguments.end(),
                                [](double h) { return std::abs(h) >= kKink; }));
        }
    }

    void gradientsMatchFiniteDifferences_data() { addRows(); }
    void gradientsMatchFiniteDifferences()
    {
        QFETCH(QString, model);
        QFETCH(int, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(int, heads);
        Fixture f = makeFixture(setupOf(model, activation, alpha, lambda, heads));
        SummedGrads<double> grads;
        const double objective = f.model.objective(f.batch, &grads).objective;
        int checked = 0;
        for (int b = 0; b < kBlockCount; ++b) {
            RowMatrix<double>& theta = f.model.params().blocks[std::size_t(b)];
            const RowMatrix<double>& analytic = grads.sums[std::size_t(b)];
            for (Eigen::Index r = 0; r < theta.rows(); ++r)
                for (Eigen::Index c = 0; c < theta.cols(); ++c) {
                    const double keep = theta(r, c);
                    theta(r, c) = keep + kStep;
                    const double up = f.model.objective(f.batch, nullptr).objective;
                    theta(r, c) = keep - kStep;
                    const double down = f.model.objective(f.batch, nullptr).objective;
                    theta(r, c) = keep;
                    const double numeric = (up - down) / (2 * kStep);
                    QVERIFY2(agrees(analytic(r, c), numeric),
                             (std::string(blockName(Block(b))) + "(" + std::to_string(r) + "," + std::to_string(c) +
                              "): analytic " + std::to_string(analytic(r, c)) + " numeric " + std::to_string(numeric))
                                 .c_str());
                    ++checked;
                }
            const auto block = static_cast<Block>(b);
            const bool likeOnly =
                block == Block::LikeWeight || block == Block::LikeBias || block == Block::LikeItemBias;
            if (theta.size() > 0 && likeOnly && alpha == 1.0 && lambda == 0.0) // the like task silenced
                QVERIFY2(analytic.cwiseAbs().maxCoeff() == 0.0, blockName(block).data());
            else if (theta.size() > 0 && block != Block::TaskLogVariance)
                QVERIFY2(analytic.cwiseAbs().maxCoeff() > 1e-6, blockName(block).data());
        }
        QVERIFY(checked >= 70); // every entry of every block: 79 for WRMF, more for the others
        QCOMPARE(f.model.objective(f.batch, nullptr).objective, objective); // parameters restored
    }

    void theLikeLossReachesTheChoiceHead()
    {
        // With alpha = 0 the choice head's own loss is off, yet ESMM's cross-entropy on
        // p(like) = sigma(s) sigma(t) still moves R's item biases through s.
        Fixture f = makeFixture(Setup{"esmm:bpr", Activation::Tanh, 0.0, 0.0});
        SummedGrads<double> grads;
        const Losses losses = f.model.objective(f.batch, &grads);
        QVERIFY(losses.ranking > 0); // still computed, weighed 0
        QVERIFY(grads.sums[std::size_t(Block::RankItemBias)].cwiseAbs().maxCoeff() > 1e-6);
    }

    void likeScoresAreTheCascadesProduct()
    {
        Fixture f = makeFixture(Setup{"esmm:cdae"});
        const std::vector<std::uint32_t> users{0, 3};
        RowMatrix<double> scores;
        f.model.rankingScores(users, scores);
        const RowMatrix<double> choice = scores;
        f.model.likeScores(users, scores);
        const std::vector<double> given = f.model.likeGivenChoice({0, 3}, {5, 1});
        for (std::size_t r = 0; r < users.size(); ++r)
            for (std::uint32_t j = 0; j < kItems; ++j) {
                const double t = likeLogit(f.model, users[r], j);
                const double expected = std::log(sigma(choice(Eigen::Index(r), j)) * sigma(t));
                QVERIFY(std::abs(scores(Eigen::Index(r), j) - expected) < 1e-12);
            }
        QVERIFY(std::abs(given[0] - sigma(likeLogit(f.model, 0, 5))) < 1e-12);
        QVERIFY(std::abs(given[1] - sigma(likeLogit(f.model, 3, 1))) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestCascade)
#include "tst_cascade.moc"
