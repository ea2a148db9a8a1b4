// Exports for other tools: NumPy .npy, the TensorBoard projector's vectors.tsv and metadata.tsv,
// every user's top-k as CSV; all-or-nothing writes.
#include "../trainedruns.h"
#include "eval/recommend.h"
#include "persist/atomicfile.h"
#include "persist/exports.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rnr;

namespace {
std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}
} // namespace

class TestExports : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void npyHeaderAndData()
    {
        RowMatrix<float> m(3, 2);
        m << 1.5f, -2.0f, 0.25f, 3e-8f, 7.0f, 1e6f;
        writeNpy(path("m.npy"), m);
        const std::string bytes = readAll(path("m.npy"));
        QCOMPARE(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
        const std::size_t headerLength = std::uint8_t(bytes[8]) | std::size_t(std::uint8_t(bytes[9])) << 8;
        const std::size_t dataStart = 10 + headerLength;
        QCOMPARE(dataStart % 64, std::size_t(0)); // aligned as the format asks
        const std::string header = bytes.substr(10, headerLength);
        QVERIFY(header.find("'descr': '<f4'") != std::string::npos);
        QVERIFY(header.find("'fortran_order': False") != std::string::npos);
        QVERIFY(header.find("'shape': (3, 2)") != std::string::npos);
        QCOMPARE(header.back(), '\n');
        QCOMPARE(bytes.size(), dataStart + 6 * sizeof(float));
        float back[6];
        std::memcpy(back, bytes.data() + dataStart, sizeof back);
        for (int i = 0; i < 6; ++i) // row-major, as C order says
            QCOMPARE(back[i], m.data()[i]);
    }

    void vectorsRoundTrip()
    {
        RowMatrix<float> m(2, 3);
        m << 0.1f, -1.0f / 3.0f, 12345.678f, 1e-20f, 0.0f, -7.5f;
        writeVectorsTsv(path("vectors.tsv"), m);
        const auto rows = lines(readAll(path("vectors.tsv")));
        QCOMPARE(rows.size(), std::size_t(2));
        for (int r = 0; r < 2; ++r) {
            std::istringstream in(rows[std::size_t(r)]);
            std::string field;
            int c = 0;
            while (std::getline(in, field, '\t'))
                QCOMPARE(std::strtof(field.c_str(), nullptr), m(r, c++)); // exact: shortest round trip
            QCOMPARE(c, 3);
        }
    }

    void metadataColumns()
    {
        Metadata one{{"title"}, {{"A", "B\twith tab"}}};
        writeMetadataTsv(path("one.tsv"), one);
        QCOMPARE(readAll(path("one.tsv")), std::string("A\nB with tab\n")); // no header with one column
        Metadata two{{"item", "title"}, {{"1", "2"}, {"Toy Story (1995)", "Line\nbreak"}}};
        writeMetadataTsv(path("two.tsv"), two);
        QCOMPARE(readAll(path("two.tsv")), std::string("item\ttitle\n1\tToy Story (1995)\n2\tLine break\n"));
        const auto data = fixtures::smallDemo(30, 20);
        const Metadata items = itemMetadata(*data);
        QCOMPARE(items.rows(), std::size_t(data->itemCount()));
        std::uint64_t ratings = 0;
        for (const auto& count : items.columns[3])
            ratings += std::stoull(count);
        QCOMPARE(ratings, std::uint64_t(data->interactions.size()));
    }

    void csvQuoting()
    {
        QCOMPARE(csvField("plain"), std::string("plain"));
        QCOMPARE(csvField("Dances, Wolves"), std::string("\"Dances, Wolves\""));
        QCOMPARE(csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    }

    void topKOfEveryUser()
    {
        const auto data = fixtures::smallDemo(120, 60);
        const auto model = fixtures::trained(*data, "rnr:bpr+svd", 1);
        ItemLabels labels{data->userIds, data->itemIds, data->itemTitles};
        labels.titles[3] = "Comma, and \"quotes\"";
        writeTopKCsv(path("top1.csv"), *model, labels, 5, data->scale, 1);
        writeTopKCsv(path("top2.csv"), *model, labels, 5, data->scale, 2);
        const std::string one = readAll(path("top1.csv"));
        QCOMPARE(readAll(path("top2.csv")), one); // the same bytes on 1 and 2 threads
        const auto rows = lines(one);
        QCOMPARE(rows.front(), std::string("user,rank,item,title,score,predicted_rating"));
        QCOMPARE(rows.size(), std::size_t(1 + 5 * data->userCount()));
        // The first user's rows are recommend()'s list.
        const auto list = recommend(*model, 0, 5, data->scale);
        for (std::size_t r = 0; r < 5; ++r) {
            const std::string expected = csvField(data->userIds[0]) + "," + std::to_string(r + 1) + "," +
                                         csvField(data->itemIds[list[r].item]) + ",";
            QVERIFY2(rows[1 + r].rfind(expected, 0) == 0, rows[1 + r].c_str());
        }
        QVERIFY(one.find("\"Comma, and \"\"quotes\"\"\"") != std::string::npos ||
                one.find(data->itemIds[3]) == std::string::npos);
    }

    void topKOfACascadeHasItsProbabilities()
    {
        const auto data = fixtures::smallDemo(60, 30);
        const auto model = fixtures::trained(*data, "esmm:wrmf", 1);
        const ItemLabels labels{data->userIds, data->itemIds, data->itemTitles};
        writeTopKCsv(path("esmm.csv"), *model, labels, 3, data->scale, 2);
        const auto rows = lines(readAll(path("esmm.csv")));
        QCOMPARE(rows.front(), std::string("user,rank,item,title,score,predicted_rating,p_choose,p_like"));
        // The first user's first row: no rating, then recommend()'s p(choose) and p(like).
        const Recommendation first = recommend(*model, 0, 3, data->scale).front();
        const std::string row = rows[1];
        const std::size_t last = row.rfind(','), before = row.rfind(',', last - 1);
        QCOMPARE(row[before - 1], ','); // the empty predicted rating
        QVERIFY(std::abs(std::stod(row.substr(before + 1, last - before - 1)) - first.choose) < 1e-5);
        QVERIFY(std::abs(std::stod(row.substr(last + 1)) - first.like) < 1e-5);
    }

    void projectorSpacesOfEachCoupling()
    {
        const auto data = fixtures::smallDemo(60, 30);
        const Metadata items = itemMetadata(*data);
        const Metadata users{{"user"}, {data->userIds}};
        auto folders = [&](const char* spec) {
            std::vector<std::string> out;
            for (const ProjectorSpace& space : projectorSpaces(*fixtures::trained(*data, spec, 1), items, users))
                out.push_back(space.folder);
            return out;
        };
        using Folders = std::vector<std::string>;
        QCOMPARE(folders("rnr:bpr+svd"), (Folders{"items", "rating-items", "users"}));
        QCOMPARE(folders("vanilla:bpr+svd"), (Folders{"items", "users"})); // the rating task reads q_i itself
        QCOMPARE(folders("bpr"), (Folders{"items", "users"}));
        QCOMPARE(folders("esmm:bpr"), (Folders{"items", "like-items", "users"})); // what the like head reads
        // A space with points writes its projection beside the vectors.
        std::vector<ProjectorSpace> spaces = projectorSpaces(*fixtures::trained(*data, "rnr:bpr+svd", 1), items, users);
        spaces[1].points = RowMatrix<float>::Ones(spaces[1].rows.rows(), 2);
        spaces[1].projection = "umap";
        writeProjectorSpace(path("projector"), spaces[1]);
        const std::string folder = path("projector/rating-items/");
        QCOMPARE(lines(readAll(folder + "vectors.tsv")).size(), std::size_t(data->itemCount()));
        QCOMPARE(lines(readAll(folder + "metadata.tsv")).size(), std::size_t(data->itemCount()) + 1); // + header
        QCOMPARE(lines(readAll(folder + "umap.tsv")).front(), std::string("1\t1"));
        QVERIFY(std::filesystem::exists(folder + "umap.npy"));
        // A folder that cannot be made is an error that names it.
        writeAtomically(path("plain-file"), "text", [](std::ostream& out) { out << "x"; });
        try {
            writeProjectorSpace(path("plain-file"), spaces[0]);
            QFAIL("no error");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("plain-file/items: cannot make the folder") != std::string::npos,
                     e.what());
        }
    }

    void failedWritesLeaveTheOldFile()
    {
        const std::string target = path("keep.txt");
        writeAtomically(target, "text", [](std::ostream& out) { out << "old"; });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeAtomically(target, "text", [](std::ostream& out) {
                                     out << "half";
                                     throw std::runtime_error("disk gone");
                                 }));
        QCOMPARE(readAll(target), std::string("old"));
        QVERIFY(!std::filesystem::exists(target + ".tmp"));
        try {
            writeNpy(path("no/such/folder/m.npy"), RowMatrix<float>::Zero(1, 1));
            QFAIL("no error");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("no/such/folder/m.npy: cannot write") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestExports)
#include "tst_exports.moc"
