// SPDX-License-Identifier: MIT
#include "TimelineExport.h"

#include "FigureStyle.h"
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "TimelineCharts.h"
#include "TimelineModels.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>

#include <memory>

namespace EcoAtlas::TimelineExport {

namespace {

/// A chart with the models it is fed by, over every tie and figure of a document.
struct Bundle
{
    QObject owner;                  ///< parent of the models
    TimelineChart *chart = nullptr; ///< owned by `scene` once added, else by the bundle
    std::unique_ptr<QGraphicsScene> scene = std::make_unique<QGraphicsScene>();

    ~Bundle()
    {
        scene.reset(); // deletes the chart before the models it reads
    }
};

std::unique_ptr<Bundle> build(const QString &view,
                              const LandscapeDocument &document,
                              const TimelineOptions &options,
                              QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<Bundle>();
    };
    if (!viewNames().contains(view))
        return fail(QStringLiteral("unknown view '%1' (timeline views: %2)")
                            .arg(view, viewNames().join(QStringLiteral(", "))));
    const QString invalid = options.validate();
    if (!invalid.isEmpty())
        return fail(invalid);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("timeline charts need a QApplication"));
    auto b = std::make_unique<Bundle>();
    // The models only read the document; they take a non-const pointer to follow its resets.
    auto *doc = const_cast<LandscapeDocument *>(&document);
    auto *ties = new TieModel(doc, &b->owner);
    if (view == QLatin1String("timeline-investments")) {
        auto *m = new InvestmentSeriesModel(doc, ties, &b->owner);
        m->setOptions(options);
        b->chart = new PeriodBarChart(TimelineChart::Kind::Investments, m);
    } else if (view == QLatin1String("timeline-chips")) {
        auto *m = new ChipOrderSeriesModel(doc, ties, &b->owner);
        m->setOptions(options);
        b->chart = new PeriodBarChart(TimelineChart::Kind::ChipOrders, m);
    } else if (view == QLatin1String("timeline-clients")) {
        auto *m = new ClientCountModel(doc, ties, &b->owner);
        m->setOptions(options);
        b->chart = new ClientCountChart(m);
    } else {
        auto *figures = new FigureModel(doc, &b->owner);
        auto *m = new EventModel(doc, ties, figures, &b->owner);
        m->setOptions(options);
        b->chart = new EventChart(m);
    }
    b->scene->addItem(b->chart);
    b->chart->setOptions(options);
    b->chart->setBackgroundVisible(false); // the exporter paints the page (or not: transparent)
    return b;
}

} // namespace

QStringList viewNames()
{
    return {QStringLiteral("timeline-investments"),
            QStringLiteral("timeline-chips"),
            QStringLiteral("timeline-clients"),
            QStringLiteral("timeline-events")};
}

QString describe(const QString &view)
{
    if (view == QLatin1String("timeline-investments"))
        return QStringLiteral("investments per month/quarter, stacked by investor, bounds and "
                              "undisclosed amounts marked, in USD or CNY");
    if (view == QLatin1String("timeline-chips"))
        return QStringLiteral("chip orders by scheduled delivery and status, deals shared by "
                              "buyers named");
    if (view == QLatin1String("timeline-clients"))
        return QStringLiteral("clients per cloud vendor over time (step chart), basis stated");
    if (view == QLatin1String("timeline-events"))
        return QStringLiteral("every dated tie, figure and claim in a lane per organization; "
                              "fuzzy dates as spans");
    return {};
}

std::optional<QSizeF> naturalSize(const QString &view,
                                  const LandscapeDocument &document,
                                  const TimelineOptions &options)
{
    const std::unique_ptr<Bundle> b = build(view, document, options, nullptr);
    if (!b)
        return std::nullopt;
    return b->chart->naturalSize();
}

QString title(const QString &view,
              const LandscapeDocument &document,
              const TimelineOptions &options)
{
    const std::unique_ptr<Bundle> b = build(view, document, options, nullptr);
    return b ? b->chart->figureTitle() : QString();
}

bool paintTimeline(const QString &view,
                   const LandscapeDocument &document,
                   const TimelineOptions &options,
                   QPainter &painter,
                   const QRectF &target,
                   QString *error)
{
    const std::unique_ptr<Bundle> b = build(view, document, options, error);
    if (!b)
        return false;
    TimelineChart *chart = b->chart;
    const QRectF content = FigureStyle::paintFrame(
            painter, target, chart->figureTitle(), chart->figureSubtitle(), chart->footer());
    if (content.width() < 8 || content.height() < 8)
        return true; // a frame with no room for the chart: the frame is the figure
    const QRectF local(QPointF(0, 0), content.size());
    chart->setGeometry(local);
    chart->layoutAnnotations();
    b->scene->setSceneRect(local);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    b->scene->render(&painter, content, local, Qt::IgnoreAspectRatio);
    painter.restore();
    return true;
}

std::optional<QByteArray> render(const QString &view,
                                 const LandscapeDocument &document,
                                 const TimelineOptions &options,
                                 Exporter::Options exportOptions,
                                 QString *error)
{
    const std::unique_ptr<Bundle> probe = build(view, document, options, error);
    if (!probe)
        return std::nullopt;
    if (exportOptions.size.isEmpty())
        exportOptions.size = probe->chart->naturalSize();
    if (exportOptions.title.isEmpty())
        exportOptions.title = probe->chart->figureTitle();
    bool painted = true;
    QString paintError;
    const std::optional<QByteArray> bytes = Exporter::render(
            exportOptions,
            [&](QPainter &painter, const QRectF &target) {
                painted = paintTimeline(view, document, options, painter, target, &paintError);
            },
            error);
    if (bytes && !painted) {
        if (error)
            *error = paintError;
        return std::nullopt;
    }
    return bytes;
}

bool exportToFile(const QString &view,
                  const LandscapeDocument &document,
                  const TimelineOptions &options,
                  const Exporter::Options &exportOptions,
                  QString *error)
{
    if (!Exporter::checkTarget(exportOptions.path, error))
        return false;
    const std::optional<QByteArray> bytes = render(view, document, options, exportOptions, error);
    return bytes && Exporter::writeFile(exportOptions.path, *bytes, error);
}

} // namespace EcoAtlas::TimelineExport
