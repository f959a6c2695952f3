// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QColor>
#include <QFont>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTransform>

#include <functional>
#include <utility>

class QPainter;

namespace EcoAtlas {

/// Fonts, colours and the frame (title, subtitle, legend, source footer) shared by every
/// figure EcoAtlas draws on screen and in exports.
namespace FigureStyle {

/// The font family used for all figure text: "Noto Sans CJK SC" when installed (it covers
/// Latin and Chinese, so labels never fall back glyph by glyph and PDF/SVG name one family),
/// else the application's default family.
QString fontFamily();
/// A figure font of `pixelSize` CSS pixels.
QFont font(double pixelSize, bool bold = false);

/// The most characters of one data text a figure draws (tie descriptions, notes, titles);
/// every text of the seed landscape is shorter. Longer ones end in an ellipsis.
constexpr int kMaxTextLength = 1000;
/// The most characters of a name drawn as a label (nodes, regions, chart series and lanes):
/// a label never grows wider than a figure can hold. The full text stays in the details.
constexpr int kMaxLabelLength = 120;

/// Text from data made safe to draw: C0/C1 control characters (which SVG cannot hold and
/// fonts draw as boxes) become U+FFFD, line breaks become spaces, bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would reorder the text around
/// them, are removed, and text longer than `maxLength` characters is cut to that length,
/// ending in "…" (never inside a surrogate pair). Never interprets markup.
QString plainText(const QString &text, int maxLength = kMaxTextLength);

/// The colour of an organization role: the Okabe–Ito colour-blind-safe palette
/// (Okabe & Ito 2008, "Color Universal Design"). Unknown roles are grey.
QColor roleColor(const QString &role);
/// The colour of a tie kind (Vocabulary::tieKinds() and "platform"); unknown kinds are grey.
QColor tieKindColor(const QString &kind);
/// The one palette of compare mode, used by the network, the sphere map and the timelines:
/// "added" bluish green, "removed" vermilion, "changed" amber (Okabe–Ito); anything else grey.
QColor changeColor(const QString &change);

/// The line style of an evidence grade in every view: reported solid, claimed dashed,
/// inferred dotted.
Qt::PenStyle evidencePenStyle(EvidenceGrade grade);
/// Opacity factor (0–1) of an evidence grade: inferred items are drawn lighter (0.55).
double evidenceOpacity(EvidenceGrade grade);
/// Legend wording of a grade: "reported by a source", "claimed by one party",
/// "inferred by the editor".
QString evidenceGradeDescription(EvidenceGrade grade);
/// A diamond (the mark of an industry sector) centred on `centre`, `r` px from centre to tip.
QPolygonF diamond(const QPointF &centre, double r);

/// How many items of each evidence grade a figure shows; exports state it.
struct EvidenceCounts
{
    int counts[3] = {0, 0, 0}; ///< indexed by EvidenceGrade
    void add(EvidenceGrade grade) { ++counts[int(grade)]; }
    int of(EvidenceGrade grade) const { return counts[int(grade)]; }
    /// Footer line "Evidence: 41 ties reported, 9 claimed by one party (dashed), 7 inferred
    /// by the editor (dotted)." with `noun` naming the items.
    QString footerLine(const QString &noun) const;
};

/// Draws the frame of a figure into `target` and returns the rectangle left for the content:
/// `title` (bold, 28 px) and `subtitle` (16 px) on top, `footer` lines (12 px, wrapped; e.g.
/// "Sources: …") at the bottom. All text is plain. Heights depend on wrapping at the width.
/// A footer taller than `maxFooterShare` of the target's height (1 = never) keeps the lines
/// that fit and ends with one saying how many more there are: a small on-screen view keeps
/// room for its plot.
QRectF paintFrame(QPainter &painter,
                  const QRectF &target,
                  const QString &title,
                  const QString &subtitle,
                  const QStringList &footer,
                  double maxFooterShare = 1.0);
/// The content rectangle paintFrame() would leave inside `target`, without painting.
QRectF contentRect(const QRectF &target,
                   const QString &title,
                   const QString &subtitle,
                   const QStringList &footer,
                   double maxFooterShare = 1.0);
/// Height of the whole footer (wrapped, 12 px) in a figure `width` px wide.
double footerHeight(double width, const QStringList &footer);
/// The share of a figure's height the network and sphere figures give their footer at most.
constexpr double kMaxFooterShare = 0.3;
/// Height the frame takes at `width` (title + subtitle + footer), in pixels.
double frameHeight(double width,
                   const QString &title,
                   const QString &subtitle,
                   const QStringList &footer);

/// The content rectangle split into a plot area (left) and a legend column (right) of
/// `legendWidth` px (at most 40 % of the width), 12 px apart.
std::pair<QRectF, QRectF> splitLegend(const QRectF &content, double legendWidth);

/// Maps `bounds` (layout pixels) into `plot`: uniform scale at most `maxScale`, centred.
QTransform fitTransform(const QRectF &bounds, const QRectF &plot, double maxScale);

/// Paints a column such as a legend into `area`: `paint` draws it from (0, 0) in a column of
/// the width it is given (`naturalWidth` unless the area is too narrow) and returns the height
/// it used. The column is measured first, then painted straight onto `painter` (so it scales
/// with the painter like the rest of the figure: at any DPI, on screen, in SVG and PDF) and
/// scaled down if it does not fit `area` — but never so far that text of `smallestFontPx`
/// (the legend's smallest font) falls under kMinLegendFontPx CSS pixels on the device. Past
/// that it wraps narrower and is clipped at the bottom of `area`, where a fade and "legend
/// continues" say so. Returns true when the column was clipped.
bool paintFitted(QPainter &painter,
                 const QRectF &area,
                 double naturalWidth,
                 double smallestFontPx,
                 const std::function<double(QPainter &, double width)> &paint);

/// The smallest size legend text is drawn at, in CSS pixels (1/96 inch) on the output.
constexpr double kMinLegendFontPx = 9.0;
/// How many CSS pixels one logical unit of `painter` covers on its device (the painter's
/// world scale, with the device's DPI taken out): 1 for an export at its own size at any DPI.
double cssScale(const QPainter &painter);

/// Margin around every figure, in pixels.
constexpr double kMargin = 24.0;

} // namespace FigureStyle
} // namespace EcoAtlas
