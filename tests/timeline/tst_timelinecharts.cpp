// SPDX-License-Identifier: MIT
// The charts fed by the timeline models: bar sets and lines equal the models and follow their
// changes, the cursor line, hit testing (tooltips, organizations), escaping of data text, and
// the TimelinePage wiring to the shared ViewState (slider, steps, play, clicks, modes).
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "TimelineAggregation.h"
#include "TimelineCharts.h"
#include "TimelineExport.h"
#include "TimelineModels.h"
#include "TimelinePage.h"
#include "TimelineView.h"
#include "ViewState.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPixmap>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedBarSeries>
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

/// A chart laid out in a scene of the given size, as the export and the view do.
struct Staged
{
    QGraphicsScene scene;
    explicit Staged(TimelineChart *chart, QSizeF size = {1200, 700})
    {
        scene.addItem(chart);
        chart->setGeometry(QRectF(QPointF(0, 0), size));
        chart->layoutAnnotations();
    }
};

QList<double> values(const QBarSet *set)
{
    QList<double> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

} // namespace

class TestTimelineCharts : public QObject
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

    void barsAreTheModel()
    {
        InvestmentSeriesModel model(m_doc.get(), m_ties.get());
        auto *chart = new PeriodBarChart(TimelineChart::Kind::Investments, &model);
        Staged stage(chart);
        const QList<QBarSet *> sets = chart->barSeries()->barSets();
        QCOMPARE(sets.size(), model.columnCount());
        for (int c = 0; c < sets.size(); ++c) {
            QCOMPARE(sets[c]->count(), model.rowCount());
            for (int r = 0; r < model.rowCount(); ++r)
                QCOMPARE(sets[c]->at(r), model.index(r, c).data().toDouble());
        }
        // Bound styles: "up to" is hatched, exact is solid.
        const int amazon = model.series().columnOf(
                QStringLiteral("o%1/upper").arg(org(m_doc->landscape(), "amazon")));
        QVERIFY(amazon >= 0 && sets.size() == 2);
        QCOMPARE(sets[amazon]->brush().style(), Qt::BDiagPattern);
        QCOMPARE(sets[1 - amazon]->brush().style(), Qt::SolidPattern);
        QCOMPARE(chart->categoryAxis()->count(), model.rowCount());
        QCOMPARE(chart->markerSeries()->count(), 2); // undisclosed Zhipu stakes
        QVERIFY(chart->annotationTexts().contains(QStringLiteral("up to 4")));
        QVERIFY(chart->annotationTexts().contains(QStringLiteral("2")));
    }

    void chartUpdatesWhenARowChanges()
    {
        InvestmentSeriesModel model(m_doc.get(), m_ties.get());
        auto *chart = new PeriodBarChart(TimelineChart::Kind::Investments, &model);
        Staged stage(chart);
        const int sep = model.series().grid.indexOf(QDate(2023, 9, 1));
        const int oct = model.series().grid.indexOf(QDate(2023, 10, 1));
        const int google = model.series().columnOf(
                QStringLiteral("o%1/point").arg(org(m_doc->landscape(), "google")));
        QVERIFY(google >= 0 && sep >= 0 && oct >= 0);
        QCOMPARE(chart->barSeries()->barSets()[google]->at(oct), 2.0);
        QSignalSpy changed(chart, &TimelineChart::contentChanged);

        // An edit of the landscape: Google's tie now says $3 billion, in September.
        Landscape edited = m_doc->landscape();
        for (Tie &t : edited.ties)
            if (t.key == QLatin1String("google-invests-anthropic")) {
                t.amount.value = 3e9;
                t.start = FuzzyDate::fromString(QStringLiteral("2023-09-mid"));
            }
        edited.index();
        m_doc->setLandscape(edited);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(chart->barSeries()->barSets()[google]->at(oct), 0.0);
        QCOMPARE(chart->barSeries()->barSets()[google]->at(sep), 3.0);
        QVERIFY(chart->annotationTexts().contains(QStringLiteral("3")));

        // A currency switch re-reads every bar.
        TimelineOptions o = chart->options();
        o.currency = QStringLiteral("CNY");
        chart->setOptions(o);
        QCOMPARE(chart->barSeries()->barSets()[google]->at(sep), 3 * 7.08);
    }

    void chipChartByStatus()
    {
        ChipOrderSeriesModel model(m_doc.get(), m_ties.get());
        auto *chart = new PeriodBarChart(TimelineChart::Kind::ChipOrders, &model);
        Staged stage(chart);
        const QList<QBarSet *> sets = chart->barSeries()->barSets();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(values(sets[0]), (QList<double>{1.0, 0.0}));
        QCOMPARE(values(sets[1]), (QList<double>{0.0, 4.0}));
        // Both tranches ordered: the second a lighter shade of the same colour.
        QCOMPARE(sets[1]->color(), TimelineColors::status(QStringLiteral("ordered"), 1));
        QVERIFY2(chart->figureSubtitle().contains(QStringLiteral("5 billion USD shown")),
                 qPrintable(chart->figureSubtitle()));
        QVERIFY(sets[1]->label().contains(QStringLiteral("Alibaba Group")));
        QVERIFY(sets[1]->label().contains(QStringLiteral("ByteDance")));
        TimelineOptions o;
        o.chipMeasure = ChipMeasure::Units;
        chart->setOptions(o);
        QCOMPARE(chart->barSeries()->barSets().size(), 1);
        QCOMPARE(chart->barSeries()->barSets()[0]->at(0), 100.0); // thousand chips
        QCOMPARE(model.unitLabel(), QStringLiteral("thousand chips"));
        QCOMPARE(chart->markerSeries()->count(), 1); // 2024 units undisclosed
    }

    void cursorLine()
    {
        InvestmentSeriesModel bars(m_doc.get(), m_ties.get());
        auto *barChart = new PeriodBarChart(TimelineChart::Kind::Investments, &bars);
        EventModel events(m_doc.get(), m_ties.get(), m_figures.get());
        auto *eventChart = new EventChart(&events);
        Staged a(barChart);
        Staged b(eventChart);
        QVERIFY(!barChart->cursorX());
        TimelineOptions o;
        o.figure.asOf = QDate(2023, 9, 28);
        barChart->setOptions(o);
        eventChart->setOptions(o);
        QVERIFY(barChart->cursorX());
        QCOMPARE(*barChart->cursorX(), bars.series().grid.position(QDate(2023, 9, 28)));
        QCOMPARE(*eventChart->cursorX(),
                 double(TimelineAggregation::epochDay(QDate(2023, 9, 28))) + 0.5);
        // The day under the cursor line is the cursor's day: no time-zone shift.
        const QPointF onLine = eventChart->mapToPosition({*eventChart->cursorX(), 1.0});
        QCOMPARE(eventChart->dateAt(onLine), QDate(2023, 9, 28));
        const QPointF onBar = barChart->mapToPosition({*barChart->cursorX(), 1.0});
        QCOMPARE(barChart->dateAt(onBar), QDate(2023, 9, 28));
        o.figure.asOf = QDate();
        barChart->setOptions(o);
        QVERIFY(!barChart->cursorX());
    }

    void hitTesting()
    {
        InvestmentSeriesModel bars(m_doc.get(), m_ties.get());
        auto *barChart = new PeriodBarChart(TimelineChart::Kind::Investments, &bars);
        Staged a(barChart);
        const int sep = bars.series().grid.indexOf(QDate(2023, 9, 1));
        const QPointF amazonBar = barChart->mapToPosition({double(sep), 2.0},
                                                          barChart->barSeries());
        QVERIFY(barChart->toolTipAt(amazonBar).contains(QStringLiteral(
                "Amazon 亚马逊 \u2192 Anthropic: up to 4 billion USD (28 Sep 2023)")));
        QCOMPARE(barChart->organizationAt(amazonBar), org(m_doc->landscape(), "amazon"));
        const QPointF empty = barChart->mapToPosition({double(sep + 3), 2.0},
                                                      barChart->barSeries());
        QVERIFY(barChart->toolTipAt(empty).isEmpty());
        QCOMPARE(barChart->organizationAt(empty), RowId(0));

        EventModel events(m_doc.get(), m_ties.get(), m_figures.get());
        auto *eventChart = new EventChart(&events);
        Staged b(eventChart, {1200, 900});
        const RowId google = tie(m_doc->landscape(), "google-invests-anthropic")->id;
        int row = -1;
        for (int r = 0; r < events.rowCount(); ++r)
            if (events.event(r).tieId == google
                && events.event(r).organizationId == org(m_doc->landscape(), "google"))
                row = r;
        QVERIFY(row >= 0);
        const QPointF mark = eventChart->markPosition(row);
        QCOMPARE(eventChart->eventAt(mark), row);
        const QString tip = eventChart->toolTipAt(mark);
        QVERIFY(tip.contains(QStringLiteral("late Oct 2023 (2023-10-21 \u2026 2023-10-31)")));
        QVERIFY(tip.contains(QStringLiteral("Sources: Zhidongxi")));
        QCOMPARE(eventChart->organizationAt(mark), org(m_doc->landscape(), "google"));
        // The span covers its eleven days: both ends hit, beyond them nothing.
        const QPointF first = eventChart->mapToPosition(
                {double(TimelineAggregation::epochDay(QDate(2023, 10, 21))) + 0.5,
                 events.event(row).y});
        QCOMPARE(eventChart->eventAt(first), row);
    }

    void dataTextIsEscapedForCharts()
    {
        Landscape l = m_doc->landscape();
        for (Organization &o : l.organizations)
            if (o.key == QLatin1String("amazon"))
                o.nameEn = QStringLiteral("<b>Amazon</b>");
        l.index();
        m_doc->setLandscape(l);
        InvestmentSeriesModel model(m_doc.get(), m_ties.get());
        auto *chart = new PeriodBarChart(TimelineChart::Kind::Investments, &model);
        Staged stage(chart);
        QStringList labels;
        for (const QBarSet *s : chart->barSeries()->barSets())
            labels << s->label();
        // Qt Charts renders labels as rich text: the name arrives escaped.
        QVERIFY2(
                labels.join(QLatin1Char('|')).contains(QStringLiteral("&lt;b&gt;Amazon&lt;/b&gt;")),
                qPrintable(labels.join(QLatin1Char('|'))));
        // The model keeps the plain text for tables.
        QVERIFY(model.headerData(0, Qt::Horizontal, Qt::DisplayRole)
                        .toString()
                        .startsWith(QStringLiteral("<b>Amazon</b>")));
        QCOMPARE(TimelineView::toolTipHtml(QStringLiteral("<i>x</i>\ny")),
                 QStringLiteral("<p style=\"white-space:pre-wrap; "
                                "max-width:480px\">&lt;i&gt;x&lt;/i&gt;<br>y</p>"));
    }

    void clientLines()
    {
        ClientCountModel model(m_doc.get(), m_ties.get());
        auto *chart = new ClientCountChart(&model);
        Staged stage(chart);
        const int vendors = model.columnCount() - 1;
        // Alibaba Cloud, Tencent Cloud, Volcano Engine, Microsoft, Amazon, Google.
        QCOMPARE(vendors, 6);
        for (int v = 0; v < vendors; ++v) {
            QLineSeries *line = chart->vendorSeries(v);
            QVERIFY(line);
            QCOMPARE(line->count(), model.rowCount());
            for (int r = 0; r < model.rowCount(); ++r) {
                QCOMPARE(line->at(r).x(), model.index(r, 0).data().toDouble());
                QCOMPARE(line->at(r).y(), model.index(r, 1 + v).data().toDouble());
            }
        }
        // Coinciding lines are named together at their end.
        QVERIFY(chart->annotationTexts().contains(
                QStringLiteral("2 \u00B7 Alibaba Cloud 阿里云, Tencent Cloud 腾讯云")));
        QVERIFY(chart->figureSubtitle().contains(QStringLiteral("publication")));
        // Hover after the step: counts per vendor on that day, and the basis.
        const QPointF p = chart->mapToPosition(
                {double(TimelineAggregation::epochDay(QDate(2024, 2, 1))) + 0.5, 2.0});
        const QString tip = chart->toolTipAt(p);
        QVERIFY(tip.startsWith(QStringLiteral("Clients on 2024-02-01:")));
        QVERIFY(tip.contains(QStringLiteral("Alibaba Cloud 阿里云: 2")));
        QCOMPARE(chart->organizationAt(p), org(m_doc->landscape(), "alibaba-cloud"));
    }

    void eventCompareRings()
    {
        EventModel model(m_doc.get(), m_ties.get(), m_figures.get());
        auto *chart = new EventChart(&model);
        Staged stage(chart, {1200, 900});
        TimelineOptions o;
        o.mode = CursorMode::Compare;
        o.compareFrom = QDate(2023, 9, 1);
        o.figure.asOf = QDate(2023, 11, 15);
        chart->setOptions(o);
        int added = -1;
        for (QAbstractSeries *s : chart->series())
            if (s->name() == QLatin1String("Tie added between A and B"))
                added = int(static_cast<QScatterSeries *>(s)->count());
        // Amazon, Google, Tencent–Songjiang: two lanes each.
        QCOMPARE(added, 6);
        QVERIFY(chart->figureSubtitle().contains(
                QStringLiteral("compare 2023-09-01 \u2192 2023-11-15")));
    }

    void pageDrivesTheSharedCursor()
    {
        ViewState state;
        TimelinePage page(m_doc.get(), m_ties.get(), m_figures.get(), &state);
        page.resize(1200, 800);
        QCOMPARE(page.rangeFrom(), QDate(2023, 1, 1));
        QCOMPARE(page.rangeTo(), QDate(2024, 12, 31));
        QCOMPARE(page.currentView(), QStringLiteral("timeline-investments"));

        // Slider → ViewState → every chart's cursor.
        page.slider()->setValue(int(QDate(2023, 1, 1).daysTo(QDate(2023, 9, 28))));
        QCOMPARE(state.asOf(), QDate(2023, 9, 28));
        for (const QString &v : TimelineExport::viewNames())
            QCOMPARE(page.chart(v)->options().figure.asOf, QDate(2023, 9, 28));
        // The slider ends with the data (November 2023), not with the charts' 2024 axis.
        QCOMPARE(page.cursorTo(), QDate(2023, 11, 30));
        QCOMPARE(page.slider()->maximum(), int(QDate(2023, 1, 1).daysTo(QDate(2023, 11, 30))));
        // ViewState → slider.
        state.setAsOf(QDate(2023, 10, 31));
        QCOMPARE(page.slider()->value(), int(QDate(2023, 1, 1).daysTo(QDate(2023, 10, 31))));
        page.stepForward();
        QCOMPARE(state.asOf(), QDate(2023, 11, 30));
        page.stepBack();
        page.stepBack();
        QCOMPARE(state.asOf(), QDate(2023, 9, 30)); // steps keep the day they started from
        page.stepBack();
        QCOMPARE(state.asOf(), QDate(2023, 8, 31));
        state.setAsOf(QDate(2023, 11, 15));
        page.stepForward(); // clamped to the slider's end
        QCOMPARE(state.asOf(), QDate(2023, 11, 30));

        // Play: from the start when at the end, one month a tick, stops at the end.
        page.setPlaying(true);
        QVERIFY(page.isPlaying());
        QCOMPARE(state.asOf(), QDate(2023, 1, 1));
        QTRY_VERIFY_WITH_TIMEOUT(state.asOf() >= QDate(2023, 2, 1), 3000);
        page.setPlaying(false);
        QVERIFY(!page.isPlaying());

        // Basis both ways.
        state.setTimeBasis(ViewState::TimeBasis::Published);
        QCOMPARE(page.options().basis, ViewState::TimeBasis::Published);

        // Range mode: the events chart keeps the ties that started between A and B.
        state.setTimeBasis(ViewState::TimeBasis::Began);
        QSignalSpy modeChanged(&page, &TimelinePage::cursorModeChanged);
        page.setDateA(QDate(2023, 9, 1));
        state.setAsOf(QDate(2023, 9, 30));
        page.setMode(CursorMode::Range);
        QVERIFY(modeChanged.count() >= 1);
        auto *events = static_cast<EventChart *>(page.chart(QStringLiteral("timeline-events")));
        QCOMPARE(events->model()->rowCount(), 2);
        QCOMPARE(events->model()->event(0).tieId,
                 tie(m_doc->landscape(), "amazon-invests-anthropic")->id);
        page.setMode(CursorMode::AsOf);
        QVERIFY(events->model()->rowCount() > 2);
    }

    void clickSelectsAndMovesTheCursor()
    {
        ViewState state;
        TimelinePage page(m_doc.get(), m_ties.get(), m_figures.get(), &state);
        page.resize(1400, 1000);
        page.setCurrentView(QStringLiteral("timeline-events"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        TimelineView *view = page.view(QStringLiteral("timeline-events"));
        auto *chart = static_cast<EventChart *>(view->timelineChart());
        int row = -1;
        const RowId amazonTie = tie(m_doc->landscape(), "amazon-invests-anthropic")->id;
        for (int r = 0; r < chart->model()->rowCount(); ++r)
            if (chart->model()->event(r).tieId == amazonTie
                && chart->model()->event(r).organizationId == org(m_doc->landscape(), "amazon"))
                row = r;
        QVERIFY(row >= 0);
        const QPoint onMark = view->mapFromScene(chart->mapToScene(chart->markPosition(row)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onMark);
        QCOMPARE(state.selectedOrganization(), org(m_doc->landscape(), "amazon"));

        // Away from marks: the cursor moves to the day clicked.
        const QPointF empty = chart->mapToPosition(
                {double(TimelineAggregation::epochDay(QDate(2024, 6, 10))) + 0.5, 0.2});
        const QPoint onEmpty = view->mapFromScene(chart->mapToScene(empty));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onEmpty);
        QVERIFY(qAbs(state.asOf().daysTo(QDate(2024, 6, 10))) <= 1);
        QCOMPARE(page.options().figure.asOf, state.asOf());
        // The selected organization's lane is highlighted. To look at the page, set
        // ECOATLAS_TIMELINE_EXPORT_DIR.
        const QString dir = qEnvironmentVariable("ECOATLAS_TIMELINE_EXPORT_DIR");
        if (!dir.isEmpty()) {
            page.grab().save(dir + QStringLiteral("/page-events.png"));
            page.setCurrentView(QStringLiteral("timeline-chips"));
            page.grab().save(dir + QStringLiteral("/page-chips.png"));
        }
    }

private:
    std::unique_ptr<LandscapeDocument> m_doc;
    std::unique_ptr<TieModel> m_ties;
    std::unique_ptr<FigureModel> m_figures;
};

QTEST_MAIN(TestTimelineCharts)
#include "tst_timelinecharts.moc"
