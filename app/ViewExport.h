// SPDX-License-Identifier: MIT
#pragma once

#include "Exporter.h"
#include "FigureOptions.h"
#include "TimelineOptions.h"

#include <QSizeF>
#include <QStringList>

#include <optional>

namespace EcoAtlas {

class LandscapeDocument;
class NetworkDiagramModel;
class SphereMapModel;

/// The views of a running window, so that an export from the GUI draws exactly what is on
/// screen (its filters, measure, positions). The command line passes none and gets the views
/// as a fresh window would show them.
struct LiveViews
{
    const NetworkDiagramModel *network = nullptr;
    const SphereMapModel *spheres = nullptr;
    /// The timelines' options (currency, stacking, range, mode); the figure options come from
    /// the export call. Also what the command line's --from/--to/--currency set.
    std::optional<TimelineOptions> timeline;
    /// Compare-mode marks for the network and sphere views (ids of ties), and date A.
    QSet<RowId> added, removed, changed;
    QDate compareFrom;
};

/// The views that can be exported, by name, and the code that renders each one through the
/// shared export path (Exporter). The GUI's File › Export and the command line both call it, so
/// the file is the same picture either way.
namespace ViewExport {

/// Names accepted by `--export`, one per view: "network", "spheres", "tables",
/// "timeline-investments", "timeline-chips", "timeline-clients", "timeline-events".
QStringList viewNames();
/// The name of a view for menus: "Network diagram", "Timeline: investments", …
QString displayName(const QString &view);
/// One-line description of a view, for `--list-views` and the export dialog.
QString describe(const QString &view);

/// The view's natural size in pixels for `document` and `figure` options (the size an export
/// gets when no size is asked for), or nullopt for an unknown view.
std::optional<QSizeF> naturalSize(const QString &view,
                                  const LandscapeDocument &document,
                                  const FigureOptions &figure,
                                  const LiveViews &live = {});

/// Renders `view` into `options.path`. An empty `options.size` means the natural size.
/// Errors: unknown view, and every Exporter error; nothing is written on failure.
bool exportView(const QString &view,
                const LandscapeDocument &document,
                const FigureOptions &figure,
                Exporter::Options options,
                QString *error,
                const LiveViews &live = {});

/// Renders `view` to bytes in memory (for the clipboard and tests).
std::optional<QByteArray> renderView(const QString &view,
                                     const LandscapeDocument &document,
                                     const FigureOptions &figure,
                                     Exporter::Options options,
                                     QString *error,
                                     const LiveViews &live = {});

/// Paints `view` fitted into `target` of `painter` (a printer page, a preview), keeping the
/// view's proportions: the same paint routine as every export, centred, legend and source
/// footer included. With `greyscale` the view is drawn into an image at the device's
/// resolution and converted to grey (for printers and previews in grey). Errors: unknown view.
bool paintView(const QString &view,
               const LandscapeDocument &document,
               const FigureOptions &figure,
               QPainter &painter,
               const QRectF &target,
               bool greyscale,
               QString *error,
               const LiveViews &live = {});

/// True for views that can also be written as JSON geometry (`--format json`): "spheres".
bool hasGeometryJson(const QString &view);
/// Writes the geometry of `view` for a figure of `size` px (empty = natural size) as JSON to
/// `path` ("-" = standard output): regions as polygons in the figure's pixel coordinates,
/// clients' positions, label boxes and owners (see SphereFigure::geometryJson).
bool exportGeometryJson(const QString &view,
                        const LandscapeDocument &document,
                        const FigureOptions &figure,
                        QSizeF size,
                        const QString &path,
                        QString *error,
                        const LiveViews &live = {});

} // namespace ViewExport
} // namespace EcoAtlas
