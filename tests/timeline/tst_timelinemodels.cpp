// SPDX-License-Identifier: MIT
// The timeline models over the shared table models: their tables, and that they follow every
// change of the models they are fed from (rows filtered away, a row's data changed, a reset).
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "NetworkGraph.h"
#include "TimelineModels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace EcoAtlas;

namespace {

const Tie *tie(const Landscape &l, const char *key)
{
    for (const Tie &t : l.ties)
        if (t.key == QLatin1String(key))
            return &t;
    return nullptr;
}

RowId org(const Landscape &l, const char *key)
{
    return l.organizationByKey(QString::fromLatin1(key))->id;
}

/// A hand-made "tie model": one row per id, ModelRole::Id set.
QStandardItemModel *idModel(const QList<RowId> &ids, QObject *parent)
{
    auto *m = new QStandardItemModel(parent);
    for (RowId id : ids) {
        auto *item = new QStandardItem;
        item->setData(id, ModelRole::Id);
        m->appendRow(item);
    }
    return m;
}

} // namespace

class TestTimelineModels : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_doc = std::make_unique<LandscapeDocument>();
        m_doc->setLandscape(LandscapeDocument::seedLandscape());
        m_ties = std::make_unique<TieModel>(m_doc.get());
        m_figures = std::make_unique<FigureModel>(m_doc.get());
    }

    void investmentTable()
    {
        InvestmentSeriesModel m(m_doc.get(), m_ties.get());
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TimelineOptions o;
        o.figure.labels = LabelLanguage::English;
        o.granularity = Granularity::Quarter;
        m.setOptions(o);
        QCOMPARE(m.rowCount(), 8); // 2023–2024 by quarter
        QCOMPARE(m.headerData(2, Qt::Vertical, Qt::DisplayRole).toString(),
                 QStringLiteral("Q3 2023"));
        QCOMPARE(m.scale(), 1e9);
        QCOMPARE(m.unitLabel(), QStringLiteral("billion USD"));
        const int amazon = m.series().columnOf(
                QStringLiteral("o%1/upper").arg(org(m_doc->landscape(), "amazon")));
        QVERIFY(amazon >= 0);
        // The mapper reads billions; the raw role keeps whole dollars.
        QCOMPARE(m.index(2, amazon).data().toDouble(), 4.0);
        QCOMPARE(m.index(2, amazon).data(TimelineRole::Value).toDouble(), 4e9);
        QCOMPARE(m.headerData(amazon, Qt::Horizontal, TimelineRole::Bound).toInt(),
                 int(TimelineAggregation::Bound::UpperBound));
        QCOMPARE(m.segmentLabel(2, amazon), QStringLiteral("up to 4"));
        QCOMPARE(m.axisMax(), 5.0);
        // Undisclosed Zhipu stakes: two markers in Q1 2023, side by side, just above the axis.
        QCOMPARE(m.markers()->rowCount(), 2);
        QVERIFY(m.markers()->x(0) < m.markers()->x(1));
        QVERIFY(qAbs(m.markers()->x(0)) < 0.5);
        QCOMPARE(m.markers()->index(0, UndisclosedMarkerModel::Y).data().toDouble(), 5.0 * 0.04);
    }

    void followsFilterOnTheSharedModel()
    {
        // The charts use the rows the shared model (here a filter proxy) lists.
        TieFilterModel filter(&m_doc->landscape());
        filter.setSourceModel(m_ties.get());
        InvestmentSeriesModel m(m_doc.get(), &filter);
        QVERIFY(m.series().total() > 0);
        QSignalSpy rebuilt(&m, &TimelineAggregateModel::rebuilt);
        filter.setKinds({QStringLiteral("hosting")});
        QVERIFY(rebuilt.count() >= 1);
        QCOMPARE(m.columnCount(), 0);
        QCOMPARE(m.series().total(), 0.0);
        filter.setKinds({QStringLiteral("investment")});
        QCOMPARE(m.series().total(), 6e9);
        // The cursor of the shared filter hides ties that had not begun.
        filter.setAsOf(QDate(2023, 10, 1));
        QCOMPARE(m.series().total(), 4e9);
    }

    void followsRowDataChange()
    {
        const Landscape &l = m_doc->landscape();
        QStandardItemModel *rows = idModel({tie(l, "google-invests-anthropic")->id}, this);
        InvestmentSeriesModel m(m_doc.get(), rows);
        QCOMPARE(m.series().total(), 2e9);
        QSignalSpy changed(&m, &QAbstractItemModel::modelReset);
        // The row now names Amazon's tie instead: dataChanged → re-aggregated.
        rows->item(0)->setData(tie(l, "amazon-invests-anthropic")->id, ModelRole::Id);
        QCOMPARE(m.series().total(), 4e9);
        QCOMPARE(changed.count(), 1); // another column: the table's shape changed
        rows->appendRow(new QStandardItem);
        rows->item(1)->setData(tie(l, "google-invests-anthropic")->id, ModelRole::Id);
        QCOMPARE(m.series().total(), 6e9);
        rows->removeRow(0);
        QCOMPARE(m.series().total(), 2e9);
        delete rows;
    }

    void followsDocumentEdit()
    {
        InvestmentSeriesModel m(m_doc.get(), m_ties.get());
        QSignalSpy dataChanged(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        Landscape edited = m_doc->landscape();
        for (Tie &t : edited.ties)
            if (t.key == QLatin1String("google-invests-anthropic"))
                t.amount.value = 3e9;
        edited.index();
        m_doc->setLandscape(edited);
        // Same periods and columns: values change in place (dataChanged, no reset).
        QCOMPARE(reset.count(), 0);
        QVERIFY(dataChanged.count() >= 1);
        QCOMPARE(m.series().total(), 7e9);
    }

    void cursorDoesNotReaggregateBars()
    {
        InvestmentSeriesModel m(m_doc.get(), m_ties.get());
        QSignalSpy rebuilt(&m, &TimelineAggregateModel::rebuilt);
        TimelineOptions o = m.options();
        o.figure.asOf = QDate(2023, 10, 1);
        m.setOptions(o);
        QCOMPARE(rebuilt.count(), 0);
        o.currency = QStringLiteral("CNY");
        m.setOptions(o);
        QCOMPARE(rebuilt.count(), 1);
        QCOMPARE(m.unitLabel(), QStringLiteral("billion CNY"));
    }

    void chipTable()
    {
        ChipOrderSeriesModel m(m_doc.get(), m_ties.get());
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.columnCount(), 2);
        // Both tranches ordered (the seed marks nothing at risk: issue 8, item 2); the 2024
        // tranche is the lighter shade of "ordered".
        QCOMPARE(m.headerData(1, Qt::Horizontal, TimelineRole::Status).toString(),
                 QStringLiteral("ordered"));
        QCOMPARE(m.index(1, 1).data(TimelineRole::Value).toDouble(), 4e9);
        QCOMPARE(m.index(1, 1).data(TimelineRole::TieIds).value<QList<qint64>>().size(), 4);
        QCOMPARE(m.segmentLabel(0, 0), QStringLiteral("about 1"));
    }

    void clientSteps()
    {
        ClientCountModel m(m_doc.get(), m_ties.get());
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Corners: axis start, the step on 1 Nov 2023 (before and after), axis end.
        QCOMPARE(m.rowCount(), 4);
        const qint64 nov1 = TimelineAggregation::epochDay(QDate(2023, 11, 1));
        QCOMPARE(m.index(1, 0).data().toDouble(), double(nov1));
        QCOMPARE(m.index(2, 0).data().toDouble(), double(nov1));
        QCOMPARE(m.index(1, 1).data().toInt(), 0);
        QCOMPARE(m.index(2, 1).data().toInt(), 2);
        QCOMPARE(m.index(3, 0).data().toDouble(),
                 double(TimelineAggregation::epochDay(QDate(2025, 1, 1))));
        QCOMPARE(m.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Alibaba Cloud 阿里云"));
        QCOMPARE(m.maxCount(), 2);
        QCOMPARE(m.countAt(org(m_doc->landscape(), "tencent-cloud"), QDate(2023, 10, 31)), 0);
        QCOMPARE(m.countAt(org(m_doc->landscape(), "tencent-cloud"), QDate(2023, 11, 1)), 2);
    }

    void eventTableAndCompare()
    {
        EventModel m(m_doc.get(), m_ties.get(), m_figures.get());
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const RowId google = tie(m_doc->landscape(), "google-invests-anthropic")->id;
        int row = -1;
        for (int r = 0; r < m.rowCount(); ++r)
            if (m.event(r).tieId == google)
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(m.index(row, EventModel::Start).data().toDouble(),
                 double(TimelineAggregation::epochDay(QDate(2023, 10, 21))));
        QCOMPARE(m.index(row, EventModel::End).data().toDouble(),
                 double(TimelineAggregation::epochDay(QDate(2023, 11, 1))));
        QVERIFY(m.toolTip(row).contains(QStringLiteral("Sources: Zhidongxi")));

        QSignalSpy rebuilt(&m, &TimelineAggregateModel::rebuilt);
        TimelineOptions o = m.options();
        o.mode = CursorMode::Compare;
        o.compareFrom = QDate(2023, 9, 1);
        o.figure.asOf = QDate(2023, 10, 15);
        m.setOptions(o);
        QCOMPARE(rebuilt.count(), 1); // the event model uses the cursor in compare mode
        QSet<QString> amazonMarks;
        int added = 0;
        for (int r = 0; r < m.rowCount(); ++r) {
            const QString change = m.index(r, EventModel::Change).data().toString();
            added += change == QLatin1String("added") ? 1 : 0;
            if (m.event(r).tieId == tie(m_doc->landscape(), "amazon-invests-anthropic")->id)
                amazonMarks << change;
            if (m.event(r).tieId == google)
                QVERIFY(change.isEmpty()); // began after 15 October
        }
        QCOMPARE(amazonMarks, QSet<QString>{QStringLiteral("added")});
        QCOMPARE(added, 2); // Amazon's tie, in both lanes
        // No status changed between September and mid October (the 2024 Nvidia tranche stays
        // ordered).
        int changed = 0;
        for (int r = 0; r < m.rowCount(); ++r)
            changed += m.index(r, EventModel::Change).data().toString() == QLatin1String("changed");
        QCOMPARE(changed, 0);
    }

private:
    std::unique_ptr<LandscapeDocument> m_doc;
    std::unique_ptr<TieModel> m_ties;
    std::unique_ptr<FigureModel> m_figures;
};

QTEST_GUILESS_MAIN(TestTimelineModels)
#include "tst_timelinemodels.moc"
