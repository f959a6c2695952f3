// SPDX-License-Identifier: MIT
#include "ViewExport.h"

#include "LandscapeDocument.h"
#include "TablesFigure.h"

namespace EcoAtlas::ViewExport {

namespace {

/// A view ready to paint: its natural size and its paint routine.
struct Prepared
{
    QSizeF natural;
    Exporter::PaintFunction paint;
    QString title;
};

std::optional<Prepared> prepare(const QString &view, const LandscapeDocument &document,
                                const FigureOptions &figure)
{
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
    return {QStringLiteral("tables")};
}

QString describe(const QString &view)
{
    if (view == QLatin1String("tables"))
        return QStringLiteral("every tie as of the date, with details and numbered sources");
    return {};
}

std::optional<QSizeF> naturalSize(const QString &view, const LandscapeDocument &document,
                                  const FigureOptions &figure)
{
    const std::optional<Prepared> p = prepare(view, document, figure);
    return p ? std::optional<QSizeF>(p->natural) : std::nullopt;
}

std::optional<QByteArray> renderView(const QString &view, const LandscapeDocument &document,
                                     const FigureOptions &figure, Exporter::Options options,
                                     QString *error)
{
    const std::optional<Prepared> p = prepare(view, document, figure);
    if (!p) {
        *error = QStringLiteral("unknown view '%1' (views: %2)")
                         .arg(view, viewNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (options.size.isEmpty())
        options.size = p->natural;
    if (options.title.isEmpty())
        options.title = p->title;
    return Exporter::render(options, p->paint, error);
}

bool exportView(const QString &view, const LandscapeDocument &document,
                const FigureOptions &figure, Exporter::Options options, QString *error)
{
    const QString path = options.path;
    // Check the target before the (possibly long) render; writeFile checks it again.
    if (!Exporter::checkTarget(path, error))
        return false;
    const std::optional<QByteArray> bytes = renderView(view, document, figure, options, error);
    return bytes && Exporter::writeFile(path, *bytes, error);
}

} // namespace EcoAtlas::ViewExport
