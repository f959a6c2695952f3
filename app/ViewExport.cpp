// SPDX-License-Identifier: MIT
#include "ViewExport.h"

#include <QImage>
#include <QPaintDevice>

#include "FigureStyle.h"
#include "LandscapeDocument.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"
#include "SphereFigure.h"
#include "SphereMapModel.h"

#include <QHash>
#include <QJsonDocument>
#include <QPainter>

#include "TablesFigure.h"
#include "TimelineExport.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace EcoAtlas::ViewExport {

namespace {

/// The longest side an export without --size gets (Exporter::render refuses more).
constexpr double kMaxNaturalSide = 20000;

/// A view ready to paint: its natural size and its paint routine.
struct Prepared
{
    QSizeF natural;
    Exporter::PaintFunction paint;
    QString title;
};

/// Paints a frame-and-legend figure into a small target (under 1100 × 700 px) at a larger
/// design size scaled down as a whole, so that title, legend and footer keep their
/// proportions — but by at most 4/3, so that 12-px labels stay at 9 px or more. Smaller
/// targets than that get the figure's own answer (fewer labels, a clipped legend).
void paintAtDesignSize(QPainter &p,
                       const QRectF &r,
                       const std::function<void(QPainter &, const QRectF &)> &paint)
{
    constexpr double kMaxShrink = 12.0 / FigureStyle::kMinLegendFontPx;
    const double f = std::min(kMaxShrink, std::max({1.0, 1100.0 / r.width(), 700.0 / r.height()}));
    if (f == 1.0) {
        paint(p, r);
        return;
    }
    p.save();
    p.translate(r.topLeft());
    p.scale(1 / f, 1 / f);
    paint(p, QRectF(0, 0, r.width() * f, r.height() * f));
    p.restore();
}

/// The sphere map model to draw: the window's when it shows the same date, else a fresh one.
std::shared_ptr<const SphereMapModel> sphereModel(const LandscapeDocument &document,
                                                  const FigureOptions &figure,
                                                  const LiveViews &live)
{
    const QDate rangeFrom = figure.isRange() ? figure.rangeFrom : QDate();
    if (live.spheres && live.spheres->asOf() == figure.asOf
        && live.spheres->rangeFrom() == rangeFrom && live.spheres->labels() == figure.labels
        && live.spheres->grades() == figure.grades)
        return std::shared_ptr<const SphereMapModel>(live.spheres, [](const SphereMapModel *) {});
    auto model = std::make_shared<SphereMapModel>(const_cast<LandscapeDocument *>(&document));
    model->setLabelMeasure(SphereFigure::labelMeasure());
    model->setLabels(figure.labels);
    model->setAsOf(figure.asOf);
    model->setGrades(figure.grades);
    model->setRangeFrom(rangeFrom);
    return model;
}

std::optional<Prepared> prepare(const QString &view,
                                const LandscapeDocument &document,
                                const FigureOptions &figure,
                                const LiveViews &live)
{
    if (TimelineExport::viewNames().contains(view)) {
        TimelineOptions options = live.timeline.value_or(TimelineOptions());
        options.figure = figure;
        const std::optional<QSizeF> natural = TimelineExport::naturalSize(view, document, options);
        if (!natural)
            return std::nullopt;
        const LandscapeDocument *doc = &document;
        return Prepared{*natural,
                        [view, doc, options](QPainter &p, const QRectF &r) {
                            TimelineExport::paintTimeline(view, *doc, options, p, r);
                        },
                        TimelineExport::title(view, document, options)};
    }
    if (view == QLatin1String("spheres")) {
        auto model = sphereModel(document, figure, live);
        auto spheres = std::make_shared<SphereFigure>(*model, figure);
        spheres->setChanges(live.added, live.removed, live.compareFrom);
        return Prepared{spheres->naturalSize(),
                        [spheres, model](QPainter &p, const QRectF &r) {
                            paintAtDesignSize(p, r, [&](QPainter &q, const QRectF &t) {
                                spheres->paint(q, t);
                            });
                        },
                        spheres->title()};
    }
    if (view == QLatin1String("network")) {
        // A fresh model when no window is showing one: positions from the database (where the
        // GUI stored them) or the same seeded layout the GUI would compute.
        std::shared_ptr<NetworkDiagramModel> owned;
        const NetworkDiagramModel *model = live.network;
        const QDate rangeFrom = figure.isRange() ? figure.rangeFrom : QDate();
        if (model
            && (model->tieFilter()->asOf() != figure.asOf
                || model->tieFilter()->rangeFrom() != rangeFrom
                || model->tieFilter()->grades() != figure.grades))
            model = nullptr; // another date or grades than the window shows: other ties
        if (!model) {
            owned = std::make_shared<NetworkDiagramModel>(
                    const_cast<LandscapeDocument *>(&document));
            owned->tieFilter()->setAsOf(figure.asOf);
            owned->tieFilter()->setGrades(figure.grades);
            owned->tieFilter()->setRangeFrom(rangeFrom);
            model = owned.get();
        }
        auto network = std::make_shared<NetworkFigure>(document.landscape(),
                                                       model->graph(),
                                                       model->positions(),
                                                       figure,
                                                       model->sizeMeasure());
        return Prepared{network->naturalSize(),
                        [network, owned](QPainter &p, const QRectF &r) {
                            paintAtDesignSize(p, r, [&](QPainter &q, const QRectF &t) {
                                network->paint(q, t);
                            });
                        },
                        network->title()};
    }
    if (view == QLatin1String("tables")) {
        auto tables = std::make_shared<TablesFigure>(document.landscape(), figure);
        return Prepared{tables->naturalSize(),
                        [tables](QPainter &p, const QRectF &r) { tables->paint(p, r); },
                        tables->title()};
    }
    return std::nullopt;
}

} // namespace

QStringList viewNames()
{
    return QStringList{
                   QStringLiteral("network"), QStringLiteral("spheres"), QStringLiteral("tables")}
           + TimelineExport::viewNames();
}

QString displayName(const QString &view)
{
    static const QHash<QString, QString> names{
            {QStringLiteral("network"), QStringLiteral("Network diagram")},
            {QStringLiteral("spheres"), QStringLiteral("Sphere-of-influence map")},
            {QStringLiteral("tables"), QStringLiteral("Table of ties")},
            {QStringLiteral("timeline-investments"), QStringLiteral("Timeline: investments")},
            {QStringLiteral("timeline-chips"), QStringLiteral("Timeline: chip orders")},
            {QStringLiteral("timeline-clients"), QStringLiteral("Timeline: clients per vendor")},
            {QStringLiteral("timeline-events"), QStringLiteral("Timeline: events")}};
    return names.value(view, view);
}

QString describe(const QString &view)
{
    if (view == QLatin1String("network"))
        return QStringLiteral("network diagram: organizations and their ties, legend, sources");
    if (view == QLatin1String("spheres"))
        return QStringLiteral("sphere-of-influence map: each cloud vendor a region around its "
                              "clients (also --format json: the geometry)");
    if (view == QLatin1String("tables"))
        return QStringLiteral("every tie as of the date, with details and numbered sources");
    return TimelineExport::describe(view);
}

std::optional<QSizeF> naturalSize(const QString &view,
                                  const LandscapeDocument &document,
                                  const FigureOptions &figure,
                                  const LiveViews &live)
{
    const std::optional<Prepared> p = prepare(view, document, figure, live);
    return p ? std::optional<QSizeF>(p->natural) : std::nullopt;
}

std::optional<QByteArray> renderView(const QString &view,
                                     const LandscapeDocument &document,
                                     const FigureOptions &figure,
                                     Exporter::Options options,
                                     QString *error,
                                     const LiveViews &live)
{
    const std::optional<Prepared> p = prepare(view, document, figure, live);
    if (!p) {
        *error = QStringLiteral("unknown view '%1' (views: %2)")
                         .arg(view, viewNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (options.title.isEmpty())
        options.title = p->title;
    if (options.size.isEmpty()) {
        // The natural size, scaled down as a whole when a side exceeds what an export may ask
        // for (a very large landscape): the user gave no size, so none may be refused.
        const QSizeF natural = p->natural;
        const double f = std::min({1.0,
                                   kMaxNaturalSide / std::max(natural.width(), 1.0),
                                   kMaxNaturalSide / std::max(natural.height(), 1.0)});
        if (!(natural.width() > 0 && natural.height() > 0 && std::isfinite(f))) {
            *error = QStringLiteral("the %1 view has no size to draw at").arg(view);
            return std::nullopt;
        }
        if (f < 1.0) {
            options.size = QSizeF(std::max(16.0, natural.width() * f),
                                  std::max(16.0, natural.height() * f));
            const Exporter::PaintFunction paint = p->paint;
            return Exporter::render(
                    options,
                    [paint, natural, f](QPainter &painter, const QRectF &r) {
                        painter.save();
                        painter.translate(r.topLeft());
                        painter.scale(f, f);
                        paint(painter, QRectF(QPointF(0, 0), natural));
                        painter.restore();
                    },
                    error);
        }
        options.size = natural;
    }
    return Exporter::render(options, p->paint, error);
}

bool exportView(const QString &view,
                const LandscapeDocument &document,
                const FigureOptions &figure,
                Exporter::Options options,
                QString *error,
                const LiveViews &live)
{
    const QString path = options.path;
    // Check the target before the (possibly long) render; writeFile checks it again.
    if (!Exporter::checkTarget(path, error))
        return false;
    const std::optional<QByteArray> bytes = renderView(
            view, document, figure, options, error, live);
    return bytes && Exporter::writeFile(path, *bytes, error);
}

bool paintView(const QString &view,
               const LandscapeDocument &document,
               const FigureOptions &figure,
               QPainter &painter,
               const QRectF &target,
               bool greyscale,
               QString *error,
               const LiveViews &live)
{
    const std::optional<Prepared> p = prepare(view, document, figure, live);
    if (!p) {
        *error = QStringLiteral("unknown view '%1'").arg(view);
        return false;
    }
    // The figure at its natural size (its design size: fonts in proportion), scaled to fit.
    const QSizeF natural = p->natural.isEmpty() ? QSizeF(1100, 700) : p->natural;
    const double scale = std::min(target.width() / natural.width(),
                                  target.height() / natural.height());
    const QSizeF drawn = natural * scale;
    const QRectF placed(target.center() - QPointF(drawn.width(), drawn.height()) / 2, drawn);
    if (!greyscale) {
        painter.save();
        painter.translate(placed.topLeft());
        painter.scale(scale, scale);
        p->paint(painter, QRectF(QPointF(0, 0), natural));
        painter.restore();
        return true;
    }
    // Grey: a raster at the device resolution (at most 2× the natural size per inch of page).
    const double pixelsPerUnit = std::clamp(painter.device()->logicalDpiX() / 96.0, 1.0, 4.0);
    QImage image((natural * pixelsPerUnit).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QStringLiteral("not enough memory for a grey rendering of %1").arg(view);
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter q(&image);
        q.setRenderHint(QPainter::Antialiasing);
        q.setRenderHint(QPainter::TextAntialiasing);
        q.scale(pixelsPerUnit, pixelsPerUnit);
        p->paint(q, QRectF(QPointF(0, 0), natural));
    }
    painter.drawImage(placed, image.convertToFormat(QImage::Format_Grayscale8));
    return true;
}

bool hasGeometryJson(const QString &view)
{
    return view == QLatin1String("spheres");
}

bool exportGeometryJson(const QString &view,
                        const LandscapeDocument &document,
                        const FigureOptions &figure,
                        QSizeF size,
                        const QString &path,
                        QString *error,
                        const LiveViews &live)
{
    if (!hasGeometryJson(view)) {
        *error = QStringLiteral("the %1 view has no JSON geometry (only: spheres)").arg(view);
        return false;
    }
    if (path != QLatin1String("-") && !Exporter::checkTarget(path, error))
        return false;
    auto model = sphereModel(document, figure, live);
    SphereFigure spheres(*model, figure);
    if (size.isEmpty())
        size = spheres.naturalSize();
    const QByteArray json = QJsonDocument(spheres.geometryJson(QRectF(QPointF(0, 0), size)))
                                    .toJson(QJsonDocument::Indented);
    if (path == QLatin1String("-")) {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    return Exporter::writeFile(path, json, error);
}

} // namespace EcoAtlas::ViewExport
