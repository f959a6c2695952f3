// SPDX-License-Identifier: MIT
#pragma once

#include "Exporter.h"
#include "TimelineOptions.h"

#include <QRectF>
#include <QSizeF>
#include <QStringList>

#include <optional>

class QPainter;

namespace EcoAtlas {

class LandscapeDocument;

/// The timeline charts as figures without any window, for the command line and the export
/// dialog: the chart is built from fresh models over `document` (every tie and figure), laid
/// out in a QGraphicsScene the size of the content area, and rendered into the painter inside
/// the FigureStyle frame: title, subtitle (with the cursor's as-of date), and footer (how to
/// read it, items not on the axis, currency rates, numbered sources). Needs a QApplication
/// (Qt Charts are QGraphicsWidgets); the offscreen platform is fine.
///
/// Views: "timeline-investments", "timeline-chips", "timeline-clients", "timeline-events".
///
/// Wiring into ViewExport (app/ViewExport.cpp, prepare()):
/// \code
///   if (TimelineExport::viewNames().contains(view)) {
///       TimelineOptions t;          // from the command line or TimelinePage::options()
///       t.figure = figure;          // as-of date, labels, title, subtitle
///       const auto size = TimelineExport::naturalSize(view, document, t);
///       return Prepared{*size,
///                       [&document, t, view](QPainter &p, const QRectF &r) {
///                           TimelineExport::paintTimeline(view, document, t, p, r);
///                       },
///                       TimelineExport::title(view, document, t)};
///   }
/// \endcode
/// Options a command line maps onto TimelineOptions: --from DATE → from, --to DATE → to (use
/// TimelineOptions::parseDate(text) and parseDate(text, true)), --currency USD|CNY → currency,
/// --as-of → figure.asOf, --labels → figure.labels.
namespace TimelineExport {

/// The four view names, in menu order.
QStringList viewNames();
/// One line describing a view (for --list-views and the export dialog); empty if unknown.
QString describe(const QString &view);

/// The view's natural size in pixels (1/96 in), frame included; nullopt for an unknown view.
std::optional<QSizeF> naturalSize(const QString &view,
                                  const LandscapeDocument &document,
                                  const TimelineOptions &options);
/// The figure title (for SVG/PDF metadata); empty for an unknown view.
QString title(const QString &view,
              const LandscapeDocument &document,
              const TimelineOptions &options);

/// Paints `view` into `target` (logical pixels) — the Exporter::PaintFunction body. The
/// background is left to the caller (Exporter fills it unless transparent). Returns false, and
/// sets `*error` if given, for an unknown view, options that do not validate
/// (TimelineOptions::validate) or no QApplication; nothing is painted then.
bool paintTimeline(const QString &view,
                   const LandscapeDocument &document,
                   const TimelineOptions &options,
                   QPainter &painter,
                   const QRectF &target,
                   QString *error = nullptr);

/// Renders `view` through Exporter::render (an empty `exportOptions.size` means the natural
/// size; an empty title the figure title). nullopt and `*error` on failure.
std::optional<QByteArray> render(const QString &view,
                                 const LandscapeDocument &document,
                                 const TimelineOptions &options,
                                 Exporter::Options exportOptions,
                                 QString *error);
/// render() then Exporter::writeFile(exportOptions.path) — atomic; nothing written on failure.
bool exportToFile(const QString &view,
                  const LandscapeDocument &document,
                  const TimelineOptions &options,
                  const Exporter::Options &exportOptions,
                  QString *error);

} // namespace TimelineExport
} // namespace EcoAtlas
