// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>
#include <optional>

class QPainter;

namespace EcoAtlas {

/// The one export path every view uses: choose the paint device by format (QImage for PNG,
/// QSvgGenerator for SVG, QPdfWriter for PDF), let the view's paint routine draw into it, fix
/// what Qt's writers get wrong, and write the file atomically (QSaveFile: on any failure the
/// target is left as it was and no half-written file remains).
namespace Exporter {

enum class Format { Png, Svg, Pdf };

/// "png", "svg", "pdf" (case-insensitive) → Format.
std::optional<Format> formatFromName(const QString &name);
/// Format from a path's suffix, or nullopt when the suffix is none of png/svg/pdf.
std::optional<Format> formatFromPath(const QString &path);
/// Lower-case name of a format: "png", "svg" or "pdf".
QString formatName(Format format);

/// Paints a figure into `target` (logical pixels, origin at the top-left of the figure).
using PaintFunction = std::function<void(QPainter &painter, const QRectF &target)>;

/// What to write and how.
struct Options
{
    QString path;
    Format format = Format::Png;
    QSizeF size{1600, 1000}; ///< figure size in CSS pixels (1/96 inch)
    int dpi = 96;            ///< PNG only: 192 doubles the pixel count per side
    bool transparent = false;
    QString title; ///< document title written into SVG/PDF metadata
};

/// Renders `paint` into a byte buffer in the chosen format. Returns nullopt and `*error` on
/// failure (size out of range 16–20000 px, DPI out of 24–2400, a device that cannot paint).
std::optional<QByteArray> render(const Options &options,
                                 const PaintFunction &paint,
                                 QString *error);

/// Checks that `path` can be an output file (given, its folder exists, not a folder) without
/// touching the disk. False and `*error` otherwise.
bool checkTarget(const QString &path, QString *error);

/// Writes `bytes` to `path` atomically (QSaveFile). Errors: no path, a folder that does not
/// exist, a path that is a folder, a file that cannot be written.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

/// Renders and writes `options.path` atomically. Errors: the render errors, plus a directory
/// that does not exist or cannot be written.
bool exportToFile(const Options &options, const PaintFunction &paint, QString *error);

/// `text` as XML character data or attribute value: markup characters become entities and the
/// characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE,
/// U+FFFF) are dropped. Used for every data string written into an SVG by hand.
QString xmlEscaped(const QString &text);

/// Inserts `<title>` and `<desc>` elements, escaped with xmlEscaped(), as the first children of
/// the root `<svg>` element (QSvgGenerator writes its own title and description unescaped, so
/// render() never gives it any). Returns `svg` unchanged when it has no `<svg` element.
QByteArray withTitle(const QByteArray &svg, const QString &title, const QString &description);

/// Makes QSvgGenerator output valid and portable: removes XML-illegal control characters
/// (QSvgGenerator writes U+0001 raw), replaces empty `fill=""`/`stroke=""` attributes with
/// "none", and names a CJK-capable fallback after every font family.
QByteArray sanitizeSvg(const QByteArray &svg);

/// Fixes the ToUnicode maps of a PDF written by QPdfWriter so that text extraction and search
/// give back the unified CJK ideographs: with Noto Sans CJK, Qt maps the glyph of 里 (U+91CC)
/// back to the look-alike Kangxi radical U+2FA5 (it takes the lowest code point sharing a
/// glyph). Every Kangxi radical, CJK radical-supplement and CJK compatibility ideograph in a
/// ToUnicode map is replaced by its canonical/compatibility decomposition (QChar), and the xref
/// table is rebuilt. Returns the input unchanged if it is not a PDF it understands.
QByteArray fixPdfToUnicode(const QByteArray &pdf);

} // namespace Exporter
} // namespace EcoAtlas
