// SPDX-License-Identifier: MIT
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace EcoAtlas;

namespace {

const Landscape &seed()
{
    static const Landscape l = LandscapeDocument::seedLandscape();
    return l;
}

/// A landscape of two organizations and one tie, to swap in for the seed.
Landscape tinyLandscape()
{
    Landscape l;
    l.title = QStringLiteral("Tiny");
    Organization a;
    a.id = 1;
    a.key = QStringLiteral("a");
    a.nameEn = QStringLiteral("A Cloud");
    a.roles = {QStringLiteral("cloud_vendor")};
    Organization b;
    b.id = 2;
    b.key = QStringLiteral("b");
    b.nameEn = QStringLiteral("B Lab");
    b.roles = {QStringLiteral("model_developer")};
    l.organizations = {a, b};
    Tie t;
    t.id = 1;
    t.key = QStringLiteral("a-hosts-b");
    t.kind = QStringLiteral("hosting");
    t.service = QStringLiteral("training");
    t.fromId = 1;
    t.toId = 2;
    l.ties = {t};
    l.index();
    return l;
}

enum class Kind { Organizations, Ties, Sources, Products, Figures };

std::unique_ptr<LandscapeTableModel> makeModel(Kind kind, LandscapeDocument *doc)
{
    switch (kind) {
    case Kind::Organizations:
        return std::make_unique<OrganizationModel>(doc);
    case Kind::Ties:
        return std::make_unique<TieModel>(doc);
    case Kind::Sources:
        return std::make_unique<SourceModel>(doc);
    case Kind::Products:
        return std::make_unique<ProductModel>(doc);
    case Kind::Figures:
        return std::make_unique<FigureModel>(doc);
    }
    return nullptr;
}

int listSize(Kind kind, const Landscape &l)
{
    switch (kind) {
    case Kind::Organizations:
        return int(l.organizations.size());
    case Kind::Ties:
        return int(l.ties.size());
    case Kind::Sources:
        return int(l.sources.size());
    case Kind::Products:
        return int(l.products.size());
    case Kind::Figures:
        return int(l.figures.size());
    }
    return -1;
}

/// Row of the object with `key` in `model` (through ModelRole::Key), or -1.
int rowOfKey(const QAbstractItemModel &model, const QString &key)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(ModelRole::Key).toString() == key)
            return r;
    return -1;
}

QString cell(const QAbstractItemModel &model, const QString &key, int column)
{
    const int row = rowOfKey(model, key);
    return row < 0 ? QStringLiteral("<no row %1>").arg(key)
                   : model.index(row, column).data().toString();
}

/// Display texts of column `column` of a model, top to bottom.
QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, column).data().toString());
    return out;
}

/// Proxy column that shows source column `sourceColumn`, or -1 (needs one accepted row).
int proxyColumn(const QSortFilterProxyModel &proxy, int sourceColumn)
{
    for (int c = 0; c < proxy.columnCount(); ++c)
        if (proxy.mapToSource(proxy.index(0, c)).column() == sourceColumn)
            return c;
    return -1;
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestTableModels : public QObject
{
    Q_OBJECT

private slots:
    void modelTester_data();
    void modelTester();
    void rowAndColumnCounts_data();
    void rowAndColumnCounts();
    void displayRoleIsPlainText_data();
    void displayRoleIsPlainText();
    void headers();
    void modelWithoutDocument();
    void tieCells();
    void tieRoles();
    void organizationCells();
    void sourceCells();
    void productCells();
    void figureCells();
    void columnsForKind();
    void kindFilter_data();
    void kindFilter();
    void textFilter_data();
    void textFilter();
    void roleFilter_data();
    void roleFilter();
    void combinedFilters();
    void sortByAmount();
    void sortByDate();
    void landscapeReset();
    void rowOfId();

private:
    void addKindRows();
};

void TestTableModels::addKindRows()
{
    QTest::addColumn<Kind>("kind");
    QTest::newRow("organizations") << Kind::Organizations;
    QTest::newRow("ties") << Kind::Ties;
    QTest::newRow("sources") << Kind::Sources;
    QTest::newRow("products") << Kind::Products;
    QTest::newRow("figures") << Kind::Figures;
}

void TestTableModels::modelTester_data()
{
    addKindRows();
}

void TestTableModels::modelTester()
{
    QFETCH(Kind, kind);
    LandscapeDocument doc;
    doc.setLandscape(seed());
    const auto model = makeModel(kind, &doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(model.get());
    QAbstractItemModelTester modelTester(model.get(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), listSize(kind, seed()));

    // Sorting by every column, both ways, keeps both models consistent.
    for (int c = 0; c < model->columnCount(); ++c) {
        proxy.sort(c, Qt::AscendingOrder);
        proxy.sort(c, Qt::DescendingOrder);
        QCOMPARE(proxy.rowCount(), listSize(kind, seed()));
    }
    // Filters narrow and widen the proxy.
    proxy.setTextFilter(QStringLiteral("cloud"));
    QVERIFY(proxy.rowCount() < listSize(kind, seed()));
    proxy.setRoleFilter(QStringLiteral("cloud_vendor"));
    proxy.setKindFilter(QStringLiteral("investment"));
    proxy.setKindFilter(QString());
    proxy.setRoleFilter(QString());
    proxy.setTextFilter(QString());
    QCOMPARE(proxy.rowCount(), listSize(kind, seed()));
    if (kind == Kind::Ties) {
        proxy.setKindFilter(QStringLiteral("chip_order"));
        QCOMPARE(proxy.rowCount(), 9);
        proxy.setKindFilter(QStringLiteral("hosting"));
        QCOMPARE(proxy.rowCount(), 8);
        proxy.setKindFilter(QStringLiteral("serves"));
        QCOMPARE(proxy.rowCount(), 12);
        proxy.setKindFilter(QString());
    }

    // Resets of the document.
    doc.setLandscape(tinyLandscape());
    QCOMPARE(model->rowCount(), listSize(kind, tinyLandscape()));
    QCOMPARE(proxy.rowCount(), listSize(kind, tinyLandscape()));
    doc.close();
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
    doc.setLandscape(seed());
    QCOMPARE(model->rowCount(), listSize(kind, seed()));
    QCOMPARE(proxy.rowCount(), listSize(kind, seed()));
}

void TestTableModels::rowAndColumnCounts_data()
{
    addKindRows();
}

void TestTableModels::rowAndColumnCounts()
{
    QFETCH(Kind, kind);
    LandscapeDocument doc;
    doc.setLandscape(seed());
    const auto model = makeModel(kind, &doc);
    QCOMPARE(model->rowCount(), listSize(kind, seed()));
    const int columns[] = {OrganizationModel::ColumnCount,
                           TieModel::ColumnCount,
                           SourceModel::ColumnCount,
                           ProductModel::ColumnCount,
                           FigureModel::ColumnCount};
    QCOMPARE(model->columnCount(), columns[int(kind)]);
    // A table: no children anywhere.
    QCOMPARE(model->rowCount(model->index(0, 0)), 0);
    QCOMPARE(model->columnCount(model->index(0, 0)), 0);
    // Rows follow the landscape's order; ids and keys come with them.
    QCOMPARE(model->index(0, 0).data(ModelRole::Id).toLongLong(), RowId(1));
    const int last = model->rowCount() - 1;
    QCOMPARE(model->index(last, 0).data(ModelRole::Id).toLongLong(), RowId(last + 1));
}

void TestTableModels::displayRoleIsPlainText_data()
{
    addKindRows();
}

void TestTableModels::displayRoleIsPlainText()
{
    // LandscapeTableModel promises a QString for every DisplayRole (views and exports show it
    // as plain text).
    QFETCH(Kind, kind);
    LandscapeDocument doc;
    doc.setLandscape(seed());
    const auto model = makeModel(kind, &doc);
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            const QVariant v = model->index(r, c).data(Qt::DisplayRole);
            QVERIFY2(v.typeId() == QMetaType::QString,
                     qPrintable(QStringLiteral("row %1, column %2 (%3): %4")
                                        .arg(r)
                                        .arg(c)
                                        .arg(model->headerData(c, Qt::Horizontal, Qt::DisplayRole)
                                                     .toString(),
                                             QString::fromLatin1(v.typeName()))));
        }
    }
}

void TestTableModels::headers()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel ties(&doc);
    QCOMPARE(ties.headerData(TieModel::Amount, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Amount"));
    QCOMPARE(ties.headerData(TieModel::Start, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Began"));
    QCOMPARE(ties.headerData(TieModel::Product, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Through"));
    OrganizationModel orgs(&doc);
    QCOMPARE(orgs.headerData(OrganizationModel::NameZh, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Chinese name"));
    SourceModel sources(&doc);
    QCOMPARE(sources.headerData(SourceModel::Citations, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Cited by"));
    FigureModel figures(&doc);
    QCOMPARE(figures.headerData(FigureModel::AsOf, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("As of"));
    // Out of range: nothing.
    QVERIFY(!ties.headerData(TieModel::ColumnCount, Qt::Horizontal, Qt::DisplayRole)
                     .toString()
                     .contains(QLatin1String("Description")));
}

void TestTableModels::modelWithoutDocument()
{
    TieModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TieModel::ColumnCount));
    QCOMPARE(model.rowOfId(1), -1);
    // A document that goes away leaves an empty model, not a dangling one.
    auto doc = std::make_unique<LandscapeDocument>();
    doc->setLandscape(seed());
    OrganizationModel orgs(doc.get());
    QCOMPARE(orgs.rowCount(), 32);
    doc.reset();
    QCOMPARE(orgs.rowCount(), 0);
}

void TestTableModels::tieCells()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel m(&doc);
    const QString amazon = QStringLiteral("amazon-invests-anthropic");
    QCOMPARE(cell(m, amazon, TieModel::Kind), QStringLiteral("Investment"));
    QCOMPARE(cell(m, amazon, TieModel::From), QStringLiteral("Amazon"));
    QCOMPARE(cell(m, amazon, TieModel::To), QStringLiteral("Anthropic"));
    QCOMPARE(cell(m, amazon, TieModel::Amount), QStringLiteral("up to 4 billion USD"));
    QCOMPARE(cell(m, amazon, TieModel::Start), QStringLiteral("28 Sep 2023"));
    QCOMPARE(cell(m, amazon, TieModel::End), QString());
    QCOMPARE(cell(m, amazon, TieModel::Lead), QString()); // not reported
    QCOMPARE(cell(m, amazon, TieModel::Evidence), QStringLiteral("reported"));
    QCOMPARE(cell(m, amazon, TieModel::Units), QString());
    QCOMPARE(cell(m, amazon, TieModel::Sources), QStringLiteral("Zhidongxi (智东西)"));

    const QString google = QStringLiteral("google-invests-anthropic");
    QCOMPARE(cell(m, google, TieModel::Amount), QStringLiteral("2 billion USD"));
    QCOMPARE(cell(m, google, TieModel::Start), QStringLiteral("late Oct 2023"));
    QCOMPARE(cell(m, QStringLiteral("microsoft-invests-openai"), TieModel::Amount),
             QStringLiteral("13 billion USD"));
    // "Microsoft's cumulative $13 billion investment": the total so far, not one round.
    QCOMPARE(cell(m, QStringLiteral("microsoft-invests-openai"), TieModel::Round),
             QStringLiteral("cumulative (total invested to date)"));
    // A serves tie goes to a sector; an ownership tie shows its grade and rationale.
    QCOMPARE(cell(m, QStringLiteral("huawei-cloud-serves-meteorology"), TieModel::To),
             QStringLiteral("Meteorology"));
    QVERIFY(cell(m, QStringLiteral("baidu-owns-kunlun-core"), TieModel::Evidence)
                    .startsWith(QLatin1String("inferred: Not stated by the article")));
    QCOMPARE(cell(m, QStringLiteral("qianfan-compatible-intel"), TieModel::Evidence),
             QStringLiteral("claimed by Baidu AI Cloud"));

    const QString ali01 = QStringLiteral("alibaba-cloud-invests-01-ai");
    QCOMPARE(cell(m, ali01, TieModel::Lead), QStringLiteral("yes"));
    QCOMPARE(cell(m, ali01, TieModel::Amount), QStringLiteral("undisclosed"));
    QCOMPARE(cell(m, ali01, TieModel::Start), QStringLiteral("date unknown"));

    const QString ascend = QStringLiteral("baidu-orders-huawei-ascend-910b");
    QCOMPARE(cell(m, ascend, TieModel::Kind), QStringLiteral("Chip order"));
    QCOMPARE(cell(m, ascend, TieModel::ChipModel), QStringLiteral("Ascend 910B"));
    QCOMPARE(cell(m, ascend, TieModel::Units), QStringLiteral("1,600"));
    QCOMPARE(cell(m, ascend, TieModel::Amount), QStringLiteral("undisclosed"));
    QCOMPARE(cell(m, ascend, TieModel::Status), QStringLiteral("Ordered"));
    QCOMPARE(cell(m, ascend, TieModel::Product), QStringLiteral("Ascend 910B"));
    QCOMPARE(cell(m, ascend, TieModel::Sources), QStringLiteral("Zhidongxi (智东西); Reuters"));

    const QString nvidia = QStringLiteral("bytedance-orders-nvidia-2024");
    // Ordered: the Global Times warning names no buyer (issue 8, item 2).
    QCOMPARE(cell(m, nvidia, TieModel::Status), QStringLiteral("Ordered"));
    QCOMPARE(cell(m, nvidia, TieModel::Delivery), QStringLiteral("2024"));
    QCOMPARE(cell(m, nvidia, TieModel::Start), QStringLiteral("Aug 2023"));
    QCOMPARE(cell(m, nvidia, TieModel::Sources),
             QStringLiteral("Zhidongxi (智东西); Financial Times"));

    const QString minimax = QStringLiteral("tencent-cloud-hosts-minimax");
    QCOMPARE(cell(m, minimax, TieModel::Kind), QStringLiteral("Hosting"));
    QCOMPARE(cell(m, minimax, TieModel::Service), QStringLiteral("Computing cluster"));
    QCOMPARE(cell(m, minimax, TieModel::Product),
             QStringLiteral("HCC (high-performance computing cluster)"));
    // Stated later in the article's own voice: reported (issue 8).
    QCOMPARE(cell(m, minimax, TieModel::Evidence), QStringLiteral("reported"));
    QCOMPARE(cell(m, minimax, TieModel::Amount), QString());
    QCOMPARE(cell(m, minimax, TieModel::Delivery), QString());
    QCOMPARE(cell(m, QStringLiteral("tencent-cloud-hosts-baichuan"), TieModel::Service),
             QStringLiteral("Vector database"));
}

void TestTableModels::tieRoles()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel m(&doc);
    const QModelIndex amazon = m.index(rowOfKey(m, QStringLiteral("amazon-invests-anthropic")),
                                       TieModel::Amount);
    QCOMPARE(amazon.data(ModelRole::Id).toLongLong(), RowId(20));
    QCOMPARE(amazon.data(ModelRole::Kind).toString(), QStringLiteral("investment"));
    QCOMPARE(amazon.data(ModelRole::Sort).toDouble(), 4e9);
    QCOMPARE(amazon.data(ModelRole::OrganizationIds).value<QList<qint64>>(),
             QList<qint64>({24, 23})); // Amazon, Anthropic
    const QModelIndex start = amazon.siblingAtColumn(TieModel::Start);
    QCOMPARE(start.data(ModelRole::Sort).toString(), QStringLiteral("2023-09-28"));
    // FilterText holds both ends' names in English and Chinese.
    const QString filter = amazon.data(ModelRole::FilterText).toString();
    QVERIFY2(filter.contains(QStringLiteral("亚马逊")), qPrintable(filter));
    QVERIFY2(filter.contains(QLatin1String("Anthropic")), qPrintable(filter));
    // Long cells have their full text as tool tip; short ones none.
    const QModelIndex description = amazon.siblingAtColumn(TieModel::Description);
    QCOMPARE(description.data(Qt::ToolTipRole).toString(), description.data().toString());
    QVERIFY(description.data().toString().size() > 40);
    QVERIFY(!amazon.data(Qt::ToolTipRole).isValid());
    // Other roles are empty.
    QVERIFY(!amazon.data(Qt::DecorationRole).isValid());
    QVERIFY(!amazon.data(ModelRole::Roles).isValid());
}

void TestTableModels::organizationCells()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    OrganizationModel m(&doc);
    const QString ali = QStringLiteral("alibaba-cloud");
    QCOMPARE(cell(m, ali, OrganizationModel::NameEn), QStringLiteral("Alibaba Cloud"));
    QCOMPARE(cell(m, ali, OrganizationModel::NameZh), QStringLiteral("阿里云"));
    QCOMPARE(cell(m, ali, OrganizationModel::Roles), QStringLiteral("Cloud vendor, Investor"));
    QCOMPARE(cell(m, ali, OrganizationModel::Parent), QStringLiteral("Alibaba Group"));
    QCOMPARE(cell(m, ali, OrganizationModel::Country), QStringLiteral("CN"));
    // Hosts Baichuan and 01.AI, backs Zhipu AI, Baichuan and Kunlun Wanwei, invests in 01.AI,
    // and is owned by Alibaba Group.
    QCOMPARE(cell(m, ali, OrganizationModel::Ties), QStringLiteral("7"));
    QCOMPARE(cell(m, ali, OrganizationModel::Aliases),
             QStringLiteral("Aliyun, Alibaba Cloud Intelligence Group, Cloud Intelligence Group, "
                            "阿里云智能集团"));
    // Tencent: hosts nothing itself; invests in Zhipu AI and Baichuan, two Nvidia orders,
    // the Songjiang partnership, and owns Tencent Cloud.
    QCOMPARE(cell(m, QStringLiteral("tencent"), OrganizationModel::Ties), QStringLiteral("6"));
    QCOMPARE(cell(m, QStringLiteral("tencent"), OrganizationModel::Roles),
             QStringLiteral("Model developer, Investor, Other"));
    // Eight chip orders and Qianfan's compatibility with its chips.
    QCOMPARE(cell(m, QStringLiteral("nvidia"), OrganizationModel::Ties), QStringLiteral("9"));
    QCOMPARE(cell(m, QStringLiteral("hugging-face"), OrganizationModel::Ties), QStringLiteral("0"));
    QCOMPARE(cell(m, QStringLiteral("openai"), OrganizationModel::NameZh), QString());
    QCOMPARE(cell(m, QStringLiteral("volcano-engine"), OrganizationModel::Parent),
             QStringLiteral("ByteDance"));

    const QModelIndex index = m.index(rowOfKey(m, ali), OrganizationModel::NameEn);
    QCOMPARE(index.data(ModelRole::Roles).toStringList(),
             QStringList({QStringLiteral("cloud_vendor"), QStringLiteral("investor")}));
    QCOMPARE(index.data(ModelRole::OrganizationIds).value<QList<qint64>>(), QList<qint64>{2});
    QCOMPARE(index.siblingAtColumn(OrganizationModel::Ties).data(ModelRole::Sort).toInt(), 7);
    const QString filter = index.data(ModelRole::FilterText).toString();
    QVERIFY(filter.contains(QLatin1String("Aliyun")));
    QVERIFY(filter.contains(QStringLiteral("阿里云")));
}

void TestTableModels::sourceCells()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    SourceModel m(&doc);
    const QString ft = QStringLiteral("ft-2023-08");
    QCOMPARE(cell(m, ft, SourceModel::Publisher), QStringLiteral("Financial Times"));
    QCOMPARE(cell(m, ft, SourceModel::Date), QStringLiteral("Aug 2023"));
    QCOMPARE(cell(m, ft, SourceModel::Via), QStringLiteral("Zhidongxi (智东西)"));
    QCOMPARE(cell(m, ft, SourceModel::Url), QString());
    // Ties, figures and products that cite it: 8 Nvidia chip orders + the $5 billion figure.
    QCOMPARE(cell(m, ft, SourceModel::Citations), QStringLiteral("9"));
    // Only the market-wide figure: the report names no buyer (issue 8, item 2).
    QCOMPARE(cell(m, QStringLiteral("global-times-2023-10"), SourceModel::Citations),
             QStringLiteral("1"));
    QCOMPARE(cell(m, QStringLiteral("reuters-2023-11"), SourceModel::Citations),
             QStringLiteral("1"));
    // The article itself: every tie (58), figure (47) and product (26).
    QCOMPARE(cell(m, QStringLiteral("zhidongxi-2023"), SourceModel::Citations),
             QStringLiteral("131"));
    QCOMPARE(cell(m, QStringLiteral("zhidongxi-2023"), SourceModel::Via), QString());
    QCOMPARE(cell(m, QStringLiteral("alibaba-financial-report-2023"), SourceModel::Date),
             QStringLiteral("date unknown"));
    const QModelIndex citations = m.index(rowOfKey(m, ft), SourceModel::Citations);
    QCOMPARE(citations.data(ModelRole::Sort).toInt(), 9);
    QCOMPARE(citations.siblingAtColumn(SourceModel::Date).data(ModelRole::Sort).toString(),
             QStringLiteral("2023-08-01"));
}

void TestTableModels::productCells()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    ProductModel m(&doc);
    const QString qianfan = QStringLiteral("qianfan");
    QCOMPARE(cell(m, qianfan, ProductModel::NameEn), QStringLiteral("Qianfan"));
    QCOMPARE(cell(m, qianfan, ProductModel::NameZh), QStringLiteral("千帆"));
    QCOMPARE(cell(m, qianfan, ProductModel::Owner), QStringLiteral("Baidu AI Cloud"));
    QCOMPARE(cell(m, qianfan, ProductModel::Kind), QStringLiteral("Model platform"));
    QCOMPARE(cell(m, qianfan, ProductModel::Launched), QString());
    QCOMPARE(cell(m, QStringLiteral("gpts"), ProductModel::Launched),
             QStringLiteral("early Nov 2023"));
    QCOMPARE(cell(m, QStringLiteral("yi"), ProductModel::Launched), QStringLiteral("Nov 2023"));
    QCOMPARE(cell(m, QStringLiteral("pai"), ProductModel::Kind), QStringLiteral("AI platform"));
    QCOMPARE(cell(m, QStringLiteral("modelscope"), ProductModel::Owner),
             QStringLiteral("Alibaba Cloud"));
    const QModelIndex index = m.index(rowOfKey(m, qianfan), 0);
    QCOMPARE(index.data(ModelRole::Kind).toString(), QStringLiteral("model_platform"));
    QCOMPARE(index.data(ModelRole::OrganizationIds).value<QList<qint64>>(), QList<qint64>{7});
}

void TestTableModels::figureCells()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    FigureModel m(&doc);
    const QString clients = QStringLiteral("qianfan-clients");
    QCOMPARE(cell(m, clients, FigureModel::Subject), QStringLiteral("Baidu AI Cloud"));
    QCOMPARE(cell(m, clients, FigureModel::Value), QStringLiteral("over 17,000 clients"));
    QCOMPARE(cell(m, clients, FigureModel::AsOf), QStringLiteral("2023"));
    QCOMPARE(cell(m, clients, FigureModel::Evidence), QStringLiteral("claimed by Baidu AI Cloud"));
    const QString zhipu = QStringLiteral("zhipu-ai-funding-2023");
    QCOMPARE(cell(m, zhipu, FigureModel::Value), QStringLiteral("over 2.5 billion CNY"));
    QCOMPARE(cell(m, zhipu, FigureModel::AsOf), QStringLiteral("late Oct 2023"));
    QCOMPARE(cell(m, zhipu, FigureModel::Evidence), QStringLiteral("reported"));
    QCOMPARE(cell(m, QStringLiteral("volcano-engine-llm-market-share"), FigureModel::Value),
             QStringLiteral("over 70%"));
    // A statement without a number shows no value.
    QCOMPARE(cell(m, QStringLiteral("qianfan-chip-compatibility"), FigureModel::Value), QString());
    // "Reportedly", with no one named: reported, with a caveat that says so.
    QCOMPARE(cell(m, QStringLiteral("starsea-failure-reduction"), FigureModel::Evidence),
             QStringLiteral("reported; caveat: The article says 'reportedly' and does not name "
                            "who reports it."));
    QCOMPARE(cell(m, QStringLiteral("nvidia-china-orders-at-risk"), FigureModel::Sources),
             QStringLiteral("Zhidongxi (智东西); Global Times"));
    // A market-wide statement has no subject; an open set says so.
    QCOMPARE(cell(m, QStringLiteral("market-strategic-ambiguity"), FigureModel::Subject),
             QStringLiteral("(market)"));
    QVERIFY(cell(m, QStringLiteral("domestic-chip-purchases-disclosed"), FigureModel::Statement)
                    .endsWith(QLatin1String("(names some parties, not all)")));
    const QModelIndex value = m.index(rowOfKey(m, zhipu), FigureModel::Value);
    QCOMPARE(value.data(ModelRole::Sort).toDouble(), 2.5e9);
    QCOMPARE(value.data(ModelRole::Kind).toString(), QStringLiteral("funding_raised"));
}

void TestTableModels::columnsForKind()
{
    using T = TieModel;
    QCOMPARE(T::columnsForKind(QStringLiteral("investment")),
             QList<int>({T::From,
                         T::To,
                         T::Product,
                         T::Amount,
                         T::Round,
                         T::Lead,
                         T::Start,
                         T::End,
                         T::Evidence,
                         T::Sources,
                         T::Description}));
    QCOMPARE(T::columnsForKind(QStringLiteral("hosting")),
             QList<int>({T::From,
                         T::To,
                         T::Product,
                         T::Service,
                         T::Start,
                         T::End,
                         T::Evidence,
                         T::Sources,
                         T::Description}));
    QCOMPARE(T::columnsForKind(QStringLiteral("chip_order")),
             QList<int>({T::From,
                         T::To,
                         T::Product,
                         T::Amount,
                         T::ChipModel,
                         T::Units,
                         T::Status,
                         T::Delivery,
                         T::Start,
                         T::End,
                         T::Evidence,
                         T::Sources,
                         T::Description}));
    QCOMPARE(T::columnsForKind(QStringLiteral("partnership")),
             QList<int>({T::From,
                         T::To,
                         T::Product,
                         T::Start,
                         T::End,
                         T::Evidence,
                         T::Sources,
                         T::Description}));
    QList<int> all;
    for (int c = 0; c < T::ColumnCount; ++c)
        all.append(c);
    QCOMPARE(T::columnsForKind(QString()), all);
}

void TestTableModels::kindFilter_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("rows");
    QTest::newRow("investment") << "investment" << 8;
    QTest::newRow("hosting") << "hosting" << 8;
    QTest::newRow("chip_order") << "chip_order" << 9;
    QTest::newRow("partnership") << "partnership" << 3;
    QTest::newRow("ownership") << "ownership" << 7;
    QTest::newRow("backing") << "backing" << 6;
    QTest::newRow("compatibility") << "compatibility" << 5;
    QTest::newRow("serves") << "serves" << 12;
    QTest::newRow("all") << "" << 58;
    QTest::newRow("unknown") << "friendship" << 0;
}

void TestTableModels::kindFilter()
{
    QFETCH(QString, kind);
    QFETCH(int, rows);
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel model(&doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setKindFilter(kind);
    QCOMPARE(proxy.kindFilter(), kind);

    int expected = 0;
    for (const Tie &t : seed().ties)
        expected += (kind.isEmpty() || t.kind == kind) ? 1 : 0;
    QCOMPARE(proxy.rowCount(), expected);
    QCOMPARE(proxy.rowCount(), rows);
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, 0).data(ModelRole::Kind).toString(),
                 kind.isEmpty() ? proxy.index(r, 0).data(ModelRole::Kind).toString() : kind);

    // Only that kind's columns, in order, under their own headers.
    const QList<int> columns = TieModel::columnsForKind(kind);
    QCOMPARE(proxy.columnCount(), columns.size());
    for (int c = 0; c < columns.size(); ++c)
        QCOMPARE(proxy.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(),
                 model.headerData(columns.at(c), Qt::Horizontal, Qt::DisplayRole).toString());
    if (kind == QLatin1String("investment")) {
        QCOMPARE(proxy.columnCount(), 11);
        QCOMPARE(proxyColumn(proxy, TieModel::Service), -1);
        QCOMPARE(proxyColumn(proxy, TieModel::Units), -1);
        const int amount = proxyColumn(proxy, TieModel::Amount);
        QVERIFY(amount >= 0);
        QVERIFY(columnTexts(proxy, amount).contains(QStringLiteral("up to 4 billion USD")));
    }
}

void TestTableModels::textFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("organizations");
    QTest::addColumn<int>("ties");

    QTest::newRow("Chinese name 阿里云") << "阿里云" << QStringList{"alibaba-cloud"} << 7;
    QTest::newRow("alias Aliyun") << "Aliyun" << QStringList{"alibaba-cloud"} << 7;
    QTest::newRow("alias, lower case") << "aliyun" << QStringList{"alibaba-cloud"} << 7;
    QTest::newRow("alias Baidu Intelligent Cloud")
            << "Baidu Intelligent Cloud" << QStringList{"baidu-ai-cloud"} << 18;
    QTest::newRow("火山") << "火山" << QStringList{"volcano-engine"} << 2;
    QTest::newRow("Volcanic") << "volcanic" << QStringList{"volcano-engine"} << 2;
    // Ties match on both ends' names and on the description ("Alibaba, Tencent, Baidu, …").
    QTest::newRow("Alibaba") << "Alibaba" << QStringList{"alibaba-group", "alibaba-cloud"} << 22;
    QTest::newRow("white space trimmed") << "  Anthropic " << QStringList{"anthropic"} << 4;
    QTest::newRow("no match") << "Xylophone" << QStringList{} << 0;
}

void TestTableModels::textFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, organizations);
    QFETCH(int, ties);
    LandscapeDocument doc;
    doc.setLandscape(seed());

    OrganizationModel orgModel(&doc);
    LandscapeFilterProxyModel orgProxy;
    orgProxy.setSourceModel(&orgModel);
    QAbstractItemModelTester orgTester(&orgProxy,
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    orgProxy.setTextFilter(text);
    QStringList keys;
    for (int r = 0; r < orgProxy.rowCount(); ++r)
        keys.append(orgProxy.index(r, 0).data(ModelRole::Key).toString());
    QCOMPARE(keys, organizations);

    TieModel tieModel(&doc);
    LandscapeFilterProxyModel tieProxy;
    tieProxy.setSourceModel(&tieModel);
    tieProxy.setTextFilter(text);
    QCOMPARE(tieProxy.rowCount(), ties);
}

void TestTableModels::roleFilter_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("rows");
    QTest::newRow("cloud_vendor") << "cloud_vendor" << 9;
    QTest::newRow("chip_vendor") << "chip_vendor" << 5;
    QTest::newRow("government") << "government" << 2;
    QTest::newRow("investor") << "investor" << 7;
    QTest::newRow("industry_client") << "industry_client" << 0;
    QTest::newRow("none") << "" << 32;
}

void TestTableModels::roleFilter()
{
    QFETCH(QString, role);
    QFETCH(int, rows);
    LandscapeDocument doc;
    doc.setLandscape(seed());
    OrganizationModel model(&doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRoleFilter(role);
    int expected = 0;
    for (const Organization &o : seed().organizations)
        expected += (role.isEmpty() || o.roles.contains(role)) ? 1 : 0;
    QCOMPARE(proxy.rowCount(), expected);
    QCOMPARE(proxy.rowCount(), rows);
    for (int r = 0; r < proxy.rowCount() && !role.isEmpty(); ++r)
        QVERIFY(proxy.index(r, 0).data(ModelRole::Roles).toStringList().contains(role));
    // The organization model has no kind: no column is hidden.
    QCOMPARE(proxy.columnCount(), int(OrganizationModel::ColumnCount));
}

void TestTableModels::combinedFilters()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    OrganizationModel orgs(&doc);
    LandscapeFilterProxyModel orgProxy;
    orgProxy.setSourceModel(&orgs);
    orgProxy.setRoleFilter(QStringLiteral("cloud_vendor"));
    orgProxy.setTextFilter(QStringLiteral("cloud"));
    orgProxy.sort(OrganizationModel::NameEn, Qt::AscendingOrder);
    QCOMPARE(columnTexts(orgProxy, OrganizationModel::NameEn),
             QStringList({QStringLiteral("Alibaba Cloud"),
                          QStringLiteral("Baidu AI Cloud"),
                          QStringLiteral("Huawei Cloud"),
                          QStringLiteral("Tencent Cloud"),
                          QStringLiteral("Tianyi Cloud")}));

    TieModel ties(&doc);
    LandscapeFilterProxyModel tieProxy;
    tieProxy.setSourceModel(&ties);
    tieProxy.setKindFilter(QStringLiteral("investment"));
    tieProxy.setTextFilter(QStringLiteral("Anthropic"));
    QCOMPARE(tieProxy.rowCount(), 2);
    tieProxy.setTextFilter(QStringLiteral("腾讯"));
    QCOMPARE(tieProxy.rowCount(), 2); // Tencent in Zhipu AI and Baichuan
    tieProxy.setKindFilter(QStringLiteral("chip_order"));
    QCOMPARE(tieProxy.rowCount(), 2); // Tencent's two Nvidia tranches
}

void TestTableModels::sortByAmount()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel model(&doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(TieModel::Amount, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, TieModel::Amount).data().toString(), QStringLiteral("13 billion USD"));
    QCOMPARE(proxy.index(0, TieModel::From).data().toString(), QStringLiteral("Microsoft"));
    QCOMPARE(proxy.index(1, TieModel::Amount).data().toString(),
             QStringLiteral("up to 4 billion USD"));
    QCOMPARE(proxy.index(2, TieModel::Amount).data().toString(), QStringLiteral("2 billion USD"));
    // The known amounts come first, largest first; the sort keys never increase.
    double previous = std::numeric_limits<double>::max();
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const double key = proxy.index(r, TieModel::Amount).data(ModelRole::Sort).toDouble();
        QVERIFY(key <= previous);
        previous = key;
    }

    proxy.sort(TieModel::Amount, Qt::AscendingOrder);
    QCOMPARE(proxy.index(proxy.rowCount() - 1, TieModel::From).data().toString(),
             QStringLiteral("Microsoft"));

    // With the kind filter the Amount column moves, and sorting still follows it.
    proxy.setKindFilter(QStringLiteral("investment"));
    const int amount = proxyColumn(proxy, TieModel::Amount);
    proxy.sort(amount, Qt::DescendingOrder);
    QCOMPARE(columnTexts(proxy, amount).mid(0, 3),
             QStringList({QStringLiteral("13 billion USD"),
                          QStringLiteral("up to 4 billion USD"),
                          QStringLiteral("2 billion USD")}));
    QCOMPARE(proxy.rowCount(), 8);
}

void TestTableModels::sortByDate()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel model(&doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TieModel::Start, Qt::DescendingOrder);
    // Latest first: Tencent–Songjiang (9 Nov 2023), Google (late Oct), Amazon (28 Sep).
    QCOMPARE(columnTexts(proxy, TieModel::Start).mid(0, 3),
             QStringList({QStringLiteral("9 Nov 2023"),
                          QStringLiteral("late Oct 2023"),
                          QStringLiteral("28 Sep 2023")}));
    proxy.sort(TieModel::Start, Qt::AscendingOrder);
    // Unknown dates sort first.
    QCOMPARE(proxy.index(0, TieModel::Start).data().toString(), QStringLiteral("date unknown"));
    QCOMPARE(proxy.index(proxy.rowCount() - 1, TieModel::Start).data().toString(),
             QStringLiteral("9 Nov 2023"));
}

void TestTableModels::landscapeReset()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    OrganizationModel model(&doc);
    LandscapeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRoleFilter(QStringLiteral("cloud_vendor"));
    QCOMPARE(model.rowCount(), 32);
    QCOMPARE(proxy.rowCount(), 9);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy documentResets(&doc, &LandscapeDocument::landscapeReset);

    doc.setLandscape(tinyLandscape());
    QCOMPARE(documentResets.count(), 1);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, OrganizationModel::NameEn).data().toString(),
             QStringLiteral("A Cloud"));
    QCOMPARE(model.index(0, OrganizationModel::Ties).data().toString(), QStringLiteral("1"));
    QCOMPARE(proxy.rowCount(), 1); // the filter stays
    doc.close();
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(doc.path().isEmpty());
    QCOMPARE(doc.database(), nullptr);
}

void TestTableModels::rowOfId()
{
    LandscapeDocument doc;
    doc.setLandscape(seed());
    TieModel ties(&doc);
    QCOMPARE(ties.rowOfId(20), 19);
    QCOMPARE(ties.index(19, 0).data(ModelRole::Key).toString(),
             QStringLiteral("amazon-invests-anthropic"));
    QCOMPARE(ties.rowOfId(999), -1);
    QCOMPARE(ties.rowOfId(0), -1);
    OrganizationModel orgs(&doc);
    QCOMPARE(orgs.rowOfId(32), 31);
}

QTEST_GUILESS_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
