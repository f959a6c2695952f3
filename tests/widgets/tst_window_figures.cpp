// SPDX-License-Identifier: MIT
// The figures of the real window (network diagram, sphere map) as a user meets them: exports
// at 300 DPI, the group filter, range mode, tool bars at 1280×720, the investors map's legend,
// labels and legend in a small diagram, clipping after zoom and pan (issue 12, items 1–7).
#include "Exporter.h"
#include "FigureStyle.h"
#include "FlowToolBar.h"
#include "LandscapeDocument.h"
#include "MainWindow.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"
#include "NetworkPage.h"
#include "NetworkView.h"
#include "SphereFigure.h"
#include "SphereMapModel.h"
#include "SpherePage.h"
#include "SphereView.h"
#include "TimeFilter.h"
#include "TimelinePage.h"
#include "ViewExport.h"
#include "ViewState.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextItem>

#include <cmath>

using namespace EcoAtlas;

namespace {

/// A paint device that draws nothing and records every text item: its text and its size in
/// device pixels (font pixel size times the painter's scale).
class TextRecorder : public QPaintDevice
{
public:
    struct Item
    {
        QString text;
        double px;
    };
    class Engine : public QPaintEngine
    {
    public:
        QList<Item> items;
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override {}
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
        void drawPath(const QPainterPath &) override {}
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
        void drawTextItem(const QPointF &, const QTextItem &ti) override
        {
            const double scale = std::sqrt(std::abs(painter()->worldTransform().determinant()));
            const QFont f = ti.font();
            const double size = f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * 96 / 72;
            items.append({ti.text(), size * scale});
        }
        Type type() const override { return QPaintEngine::User; }
    };
    explicit TextRecorder(QSize size)
        : m_size(size)
    {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    const QList<Item> &items() const { return m_engine.items; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        default:
            return QPaintDevice::metric(m);
        }
    }

private:
    QSize m_size;
    mutable Engine m_engine;
};

/// Share of pixels whose colour differs by more than `tolerance` in any channel.
double differingShare(const QImage &a, const QImage &b, int tolerance)
{
    if (a.size() != b.size())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (std::abs(qRed(p[col]) - qRed(q[col])) > tolerance
                || std::abs(qGreen(p[col]) - qGreen(q[col])) > tolerance
                || std::abs(qBlue(p[col]) - qBlue(q[col])) > tolerance)
                ++differing;
        }
    }
    return double(differing) / (double(x.width()) * x.height());
}

/// Distance from a rectangle to a circle (0 when they touch).
double rectCircleDistance(const QRectF &r, const QPointF &c, double radius)
{
    const double dx = std::max({r.left() - c.x(), 0.0, c.x() - r.right()});
    const double dy = std::max({r.top() - c.y(), 0.0, c.y() - r.bottom()});
    return std::max(0.0, std::hypot(dx, dy) - radius);
}

} // namespace

class TestWindowFigures : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    RowId idOf(const MainWindow &w, const char *key) const
    {
        const Organization *o = w.document()->landscape().organizationByKey(
                QString::fromLatin1(key));
        return o ? o->id : 0;
    }

    LiveViews live(const MainWindow &w) const
    {
        LiveViews v;
        v.network = w.networkModel();
        v.spheres = w.sphereModel();
        return v;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_db = m_dir.filePath(QStringLiteral("seed.ecoatlas"));
        QString error;
        QVERIFY2(LandscapeDocument::createSeedDatabase(m_db, &error), qPrintable(error));
    }

    // Item 1: a 300-DPI PNG is the 96-DPI picture with more pixels, legend included.
    void pngAt300DpiIsThe96DpiPicture_data()
    {
        QTest::addColumn<QString>("view");
        QTest::newRow("network") << QStringLiteral("network");
        QTest::newRow("spheres") << QStringLiteral("spheres");
    }
    void pngAt300DpiIsThe96DpiPicture()
    {
        QFETCH(QString, view);
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        const FigureOptions figure = view == QLatin1String("network")
                                             ? w.networkPage()->view()->figureOptions()
                                             : w.spherePage()->view()->figureOptions();
        Exporter::Options o;
        o.format = Exporter::Format::Png;
        o.size = QSizeF(); // natural size
        QString error;
        o.dpi = 96;
        const auto low = ViewExport::renderView(view, *w.document(), figure, o, &error, live(w));
        QVERIFY2(low, qPrintable(error));
        o.dpi = 300;
        const auto high = ViewExport::renderView(view, *w.document(), figure, o, &error, live(w));
        QVERIFY2(high, qPrintable(error));
        const QImage a = QImage::fromData(*low, "PNG");
        const QImage b = QImage::fromData(*high, "PNG");
        QVERIFY(!a.isNull() && !b.isNull());
        QVERIFY(std::abs(b.width() - a.width() * 300.0 / 96.0) <= 2);
        const QImage down = b.scaled(a.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const double share = differingShare(a, down, 64);
        qInfo("%s: %.2f %% of pixels differ between 96 DPI and 300 DPI scaled down",
              qPrintable(view),
              share * 100);
        QVERIFY2(share < 0.02, qPrintable(QString::number(share * 100) + QStringLiteral(" %")));
    }

    // Item 2: the group filter shows the group, not an empty diagram.
    void groupFilterShowsTheGroup()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        auto *groups = w.networkPage()->findChild<QComboBox *>(QStringLiteral("groupFilter"));
        QVERIFY(groups);
        const int index = groups->findText(QStringLiteral("Group: Alibaba Group"));
        QVERIFY2(index > 0, "the group combo offers Alibaba Group");
        groups->setCurrentIndex(index);
        const NetworkGraph &g = w.networkModel()->graph();
        QVERIFY(g.indexOfOrganization(idOf(w, "alibaba-group")) >= 0);
        QVERIFY(g.indexOfOrganization(idOf(w, "alibaba-cloud")) >= 0);
        // The group's ties: its ownership tie and its ties to organizations outside it
        // (Alibaba Cloud hosts Baichuan, Alibaba Group invests in Zhipu AI, …).
        const Landscape &l = w.document()->landscape();
        auto inGroup = [&](RowId id) {
            return OrganizationFilterModel::groupRoot(l, id) == idOf(w, "alibaba-group");
        };
        int expected = 0;
        for (const Tie &t : l.ties)
            expected += (inGroup(t.fromId) || (t.toId && inGroup(t.toId))) ? 1 : 0;
        QVERIFY(expected > 1);
        QCOMPARE(int(g.edges.size()), expected);
        for (const NetworkEdge &e : g.edges)
            QVERIFY(inGroup(g.nodes[e.from].organizationId)
                    || inGroup(g.nodes[e.to].organizationId));
        QVERIFY(g.indexOfOrganization(idOf(w, "baichuan")) >= 0); // a partner, as context
        qInfo("Group: Alibaba Group: %d organizations, %d ties",
              int(g.nodes.size()),
              int(g.edges.size()));
        QVERIFY(!w.networkPage()->view()->figure().subtitle().startsWith(QStringLiteral("0 ")));
        // Every group the combo offers shows at least one tie: at all dates, and as of the
        // end of November 2023 as it stood and as it was known.
        for (const QDate asOf : {QDate(), QDate(2023, 11, 30)}) {
            for (auto basis : {ViewState::TimeBasis::Began, ViewState::TimeBasis::Published}) {
                w.viewState()->setTimeBasis(basis);
                w.viewState()->setAsOf(asOf);
                for (int i = 1; i < groups->count(); ++i) {
                    groups->setCurrentIndex(i);
                    QVERIFY2(w.networkModel()->graph().edges.size() > 0,
                             qPrintable(groups->itemText(i) + asOf.toString(Qt::ISODate)));
                }
            }
        }
        w.viewState()->setAsOf(QDate());
        w.viewState()->setTimeBasis(ViewState::TimeBasis::Began);
        groups->setCurrentIndex(0);
        QCOMPARE(w.networkModel()->graph().edges.size(), w.document()->landscape().ties.size());
    }

    // Item 3: range mode reaches the network diagram and the sphere map.
    void rangeModeReachesNetworkAndSpheres()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        const QDate a(2023, 8, 1), b(2023, 10, 29);
        // The investors map: in the seed, investments are the memberships with known starts
        // (Amazon and Google in Anthropic, September and October 2023).
        auto *owners = w.spherePage()->findChild<QComboBox *>(QStringLiteral("sphereOwners"));
        QVERIFY(owners);
        owners->setCurrentIndex(owners->findData(QStringLiteral("investor")));
        w.viewState()->setAsOf(b);
        const qsizetype asOfEdges = w.networkModel()->graph().edges.size();
        auto tiedClients = [&w] {
            int n = 0;
            for (const SphereInput::Client &c : w.sphereModel()->input().clients)
                n += c.owners.isEmpty() ? 0 : 1;
            return n;
        };
        const int asOfClients = tiedClients();
        w.timelinePage()->setMode(CursorMode::Range);
        w.timelinePage()->setDateA(a);
        QCOMPARE(w.viewState()->rangeFrom(), a);
        const Landscape &l = w.document()->landscape();
        int expected = 0;
        for (const Tie &t : l.ties)
            expected += TimeFilter::startedWithin(t, a, b) ? 1 : 0;
        const NetworkGraph &g = w.networkModel()->graph();
        QCOMPARE(int(g.edges.size()), expected);
        QVERIFY(expected > 0);
        QVERIFY(g.edges.size() < asOfEdges);
        for (const NetworkEdge &e : g.edges)
            QVERIFY(TimeFilter::startedWithin(*l.tie(e.tieId), a, b));
        QVERIFY(w.networkPage()->view()->figure().subtitle().contains(
                QStringLiteral("ties that started 2023-08-01 \u2013 2023-10-29")));
        // The sphere map: memberships that started in the range only.
        const QList<RowId> memberships = w.sphereModel()->membershipTies();
        QCOMPARE(memberships.size(), 2);
        for (RowId id : memberships)
            QVERIFY(TimeFilter::startedWithin(*l.tie(id), a, b));
        QCOMPARE(tiedClients(), 1); // Anthropic, in the spheres of Amazon and Google
        QVERIFY(asOfClients > 1);
        QVERIFY(w.spherePage()->view()->figure().subtitle().contains(
                QStringLiteral("ties that started")));
        // Back to "as of": everything as of the cursor again.
        w.timelinePage()->setMode(CursorMode::AsOf);
        QVERIFY(!w.viewState()->rangeFrom().isValid());
        QCOMPARE(w.networkModel()->graph().edges.size(), asOfEdges);
        QCOMPARE(tiedClients(), asOfClients);
    }

    // Item 4: at 1280×720 every control of every figure tool bar is on screen.
    void everyControlReachableAt1280x720()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>();
        for (int tab : {0, 1}) {
            tabs->setCurrentIndex(tab);
            QApplication::processEvents();
            auto *bar = tabs->currentWidget()->findChild<FlowToolBar *>();
            QVERIFY(bar);
            const QRect page = tabs->currentWidget()->rect();
            int controls = 0;
            for (QWidget *c : bar->findChildren<QWidget *>()) {
                if (!qobject_cast<QComboBox *>(c) && !qobject_cast<QAbstractButton *>(c)
                    && !qobject_cast<QLineEdit *>(c))
                    continue;
                if (c->parentWidget() != bar)
                    continue; // parts of a composite control (a date edit's line edit)
                ++controls;
                QVERIFY2(c->isVisible(),
                         qPrintable(c->objectName() + c->metaObject()->className()));
                const QRect r(c->mapTo(tabs->currentWidget(), QPoint(0, 0)), c->size());
                QVERIFY2(page.contains(r), qPrintable(c->metaObject()->className()));
                QVERIFY(c->width() >= c->minimumSizeHint().width() || c->width() >= 40);
            }
            QVERIFY(controls >= 6);
        }
        tabs->setCurrentIndex(0);
        auto *basis = w.networkPage()->findChild<QComboBox *>(QStringLiteral("timeBasis"));
        QVERIFY(basis && basis->isVisible());
        QCOMPARE(basis->itemText(1), QStringLiteral("as it was known"));
        // It works from there: choosing it changes the shared time basis.
        basis->setCurrentIndex(1);
        QCOMPARE(w.viewState()->timeBasis(), ViewState::TimeBasis::Published);
        // The diagram keeps most of the page.
        QVERIFY(w.networkPage()->view()->height() > 300);
    }

    // Item 5: figures appear only on maps of the kind they are about.
    void sphereLegendShowsOnlyFiguresOfItsKind()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        const Landscape &l = w.document()->landscape();
        const Figure *share = nullptr;
        for (const Figure &f : l.figures)
            if (f.key == QLatin1String("alibaba-cloud-llm-company-share"))
                share = &f;
        QVERIFY(share);
        QVERIFY(SphereFigure::isFigureAbout(*share, QStringLiteral("cloud_vendor")));
        QVERIFY(!SphereFigure::isFigureAbout(*share, QStringLiteral("investor")));
        QVERIFY(!SphereFigure::isFigureAbout(*share, QStringLiteral("chip_vendor")));
        const QString claim = share->value.toDisplayString(share->unit);
        auto legendTexts = [&] {
            const SphereFigure &fig = w.spherePage()->view()->figure();
            TextRecorder device(QSize(1600, 1000));
            QPainter p(&device);
            fig.paint(p, QRectF(0, 0, 1600, 1000));
            p.end();
            QStringList texts;
            for (const TextRecorder::Item &i : device.items())
                texts << i.text;
            return texts.join(QLatin1Char('\n'));
        };
        QVERIFY2(legendTexts().contains(claim), qPrintable(claim));
        auto *owners = w.spherePage()->findChild<QComboBox *>(QStringLiteral("sphereOwners"));
        QVERIFY(owners);
        owners->setCurrentIndex(owners->findData(QStringLiteral("investor")));
        QCOMPARE(w.sphereModel()->ownerRole(), QStringLiteral("investor"));
        const QString investors = legendTexts();
        QVERIFY(investors.contains(QStringLiteral("Spheres (investors)")));
        QVERIFY2(!investors.contains(claim), "no cloud-market claim on the investors map");
    }

    // Item 6: in a small diagram labels stay nearest their own nodes; legend text stays
    // readable (>= 9 px) at export and on screen.
    void smallDiagramLabelsAndLegendStayReadable()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        NetworkView *view = w.networkPage()->view();
        view->resize(640, 440);
        const NetworkFigure &fig = view->figure();
        const QRectF target(QPointF(0, 0), QSizeF(view->size()));
        const QRectF plot = fig.frame(target).plot;
        const QTransform t = fig.fitTransform(plot) * view->viewTransform();
        const double scale = std::sqrt(std::abs(t.determinant()));
        const auto placed = fig.placeLabels(t, plot);
        const NetworkGraph &g = w.networkModel()->graph();
        int shown = 0;
        for (int i = 0; i < placed.size(); ++i) {
            if (!placed[i].placed)
                continue;
            ++shown;
            const double own = rectCircleDistance(placed[i].rect,
                                                  t.map(w.networkModel()->positions()[i]),
                                                  g.nodes[i].radius * scale);
            for (int k = 0; k < g.nodes.size(); ++k) {
                if (k == i)
                    continue;
                const double other = rectCircleDistance(placed[i].rect,
                                                        t.map(w.networkModel()->positions()[k]),
                                                        g.nodes[k].radius * scale);
                QVERIFY2(other >= own,
                         qPrintable(QStringLiteral("label of %1 is nearer to %2")
                                            .arg(g.nodes[i].nameEn, g.nodes[k].nameEn)));
            }
        }
        qInfo("plot %.0fx%.0f, %d labels shown", plot.width(), plot.height(), shown);
        QVERIFY(shown >= 5);

        // The legend's text, on screen at this size and in a 600 × 400 export.
        const QStringList legendLines{QStringLiteral("several roles: split ring"),
                                      QStringLiteral("Organizations (colour = role)")};
        auto smallestLegendText = [&](const std::function<void(QPainter &)> &paint) {
            TextRecorder device(QSize(2000, 2000));
            QPainter p(&device);
            paint(p);
            p.end();
            double smallest = 1e9;
            int seen = 0;
            for (const TextRecorder::Item &i : device.items())
                if (legendLines.contains(i.text)) {
                    smallest = std::min(smallest, i.px);
                    ++seen;
                }
            return seen ? smallest : 0.0;
        };
        const double onScreen = smallestLegendText(
                [&](QPainter &p) { fig.paint(p, target, view->viewTransform()); });
        qInfo("legend text on a %dx%d view: %.1f px", view->width(), view->height(), onScreen);
        QVERIFY(onScreen >= FigureStyle::kMinLegendFontPx - 0.01);
        // Through the export path at 600 × 400 (the design-size scaling included).
        Exporter::Options o;
        o.format = Exporter::Format::Svg;
        o.size = QSizeF(600, 400);
        QString error;
        const auto svg = ViewExport::renderView(QStringLiteral("network"),
                                                *w.document(),
                                                view->figureOptions(),
                                                o,
                                                &error,
                                                live(w));
        QVERIFY2(svg, qPrintable(error));
        // QSvgGenerator writes each run of text as <g font-size=… transform=matrix(…)><text>.
        static const QRegularExpression run(
                QStringLiteral("<g ([^>]*)>\\s*<text[^>]*>([^<]*)</text>"));
        static const QRegularExpression size(QStringLiteral("font-size=\"([0-9.]+)\""));
        static const QRegularExpression matrix(
                QStringLiteral("matrix\\(([-0-9.e]+),([-0-9.e]+),([-0-9.e]+),([-0-9.e]+)"));
        double exported = 1e9;
        int seen = 0;
        for (auto it = run.globalMatch(QString::fromUtf8(*svg)); it.hasNext();) {
            const auto m = it.next();
            if (!legendLines.contains(m.captured(2)))
                continue;
            const auto s = size.match(m.captured(1));
            QVERIFY(s.hasMatch());
            double k = 1;
            const auto x = matrix.match(m.captured(1));
            if (x.hasMatch())
                k = std::sqrt(std::abs(x.captured(1).toDouble() * x.captured(4).toDouble()
                                       - x.captured(2).toDouble() * x.captured(3).toDouble()));
            exported = std::min(exported, s.captured(1).toDouble() * k);
            ++seen;
        }
        QVERIFY2(seen > 0, "the legend is in the 600 x 400 export");
        qInfo("legend text in a 600x400 export: %.1f px", exported);
        QVERIFY(exported >= FigureStyle::kMinLegendFontPx - 0.01);
    }

    // Item 7: after zoom and pan, nodes and labels are clipped alike to the plot, and nothing
    // of the plot is drawn under the legend column.
    void zoomAndPanClipNodesAndLabelsAlike()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        NetworkView *view = w.networkPage()->view();
        const QRectF target(QPointF(0, 0), QSizeF(view->size()));
        const NetworkFigure::Frame frame = view->figure().frame(target);
        QVERIFY(frame.plot.right() < frame.legend.left());
        // The gap between the plot and the legend column, over the plot's height.
        const QRect gap(
                QPoint(int(std::ceil(frame.plot.right())) + 1, int(frame.plot.top()) + 1),
                QPoint(int(std::floor(frame.legend.left())) - 1, int(frame.plot.bottom()) - 1));
        QVERIFY(gap.width() >= 8);
        // Zoom in and pan right and down: nodes cross the top edge and the legend's edge.
        view->zoomBy(2.0);
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        const QTransform t = view->figure().fitTransform(frame.plot) * view->viewTransform();
        const auto placed = view->figure().placeLabels(t, frame.plot);
        int outside = 0;
        for (int i = 0; i < placed.size(); ++i) {
            const QPointF c = t.map(w.networkModel()->positions()[i]);
            if (!frame.plot.contains(c)) {
                ++outside;
                QVERIFY2(!placed[i].placed,
                         qPrintable(w.networkModel()->graph().nodes[i].nameEn
                                    + QStringLiteral(": label of a clipped node")));
            } else if (placed[i].placed) {
                QVERIFY(frame.plot.contains(placed[i].rect));
            }
        }
        QVERIFY2(outside > 0, "the pan moved some nodes out of the plot");
        // Nodes and edges now run up to the plot's right edge, and not one pixel beyond it.
        const QImage shot = view->grab().toImage();
        const QImage strip = shot.copy(gap);
        QImage white(strip.size(), strip.format());
        white.fill(Qt::white);
        QCOMPARE(differingShare(strip, white, 8), 0.0);
        const QImage edge = shot.copy(
                QRect(int(frame.plot.right()) - 30, gap.top(), 30, gap.height()));
        white = QImage(edge.size(), edge.format());
        white.fill(Qt::white);
        QVERIFY2(differingShare(edge, white, 8) > 0.01, "the pan brought the diagram to the edge");
    }
};

QTEST_MAIN(TestWindowFigures)
#include "tst_window_figures.moc"
