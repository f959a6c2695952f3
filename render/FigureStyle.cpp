// SPDX-License-Identifier: MIT
#include "FigureStyle.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QLinearGradient>
#include <QPainter>
#include <QPicture>

#include <algorithm>
#include <cmath>

namespace EcoAtlas::FigureStyle {

namespace {

constexpr double kTitleSize = 28;
constexpr double kSubtitleSize = 16;
constexpr double kFooterSize = 12;
constexpr double kGap = 8;

double wrappedHeight(const QFont &f, double width, const QString &text)
{
    if (text.isEmpty())
        return 0;
    const QFontMetricsF fm(f);
    return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

/// The footer as drawn at `width` in a target `targetHeight` px tall: every line while they
/// fit in `maxShare` of the height (at least three lines' worth); past that the lines that fit
/// and a last one saying how many more there are, so that in a small view the footer never
/// takes the whole figure. Returns the text and its height.
std::pair<QString, double> footerText(double width,
                                      double targetHeight,
                                      const QStringList &footer,
                                      double maxShare)
{
    if (footer.isEmpty())
        return {QString(), 0.0};
    const QFont f = font(kFooterSize);
    QStringList lines;
    for (const QString &l : footer)
        lines << plainText(l);
    const QString all = lines.join(QLatin1Char('\n'));
    const double full = wrappedHeight(f, width, all);
    const double cap = std::max(3 * QFontMetricsF(f).lineSpacing(), maxShare * targetHeight);
    if (full <= cap)
        return {all, full};
    for (qsizetype keep = lines.size() - 1; keep >= 0; --keep) {
        const QString note = QStringLiteral("\u2026 %1 more footer lines (sources, notes): "
                                            "enlarge the figure to see them.")
                                     .arg(lines.size() - keep);
        const QString text = (lines.mid(0, keep) + QStringList{note}).join(QLatin1Char('\n'));
        const double h = wrappedHeight(f, width, text);
        if (h <= cap || keep == 0)
            return {text, h};
    }
    return {all, full};
}

} // namespace

QString fontFamily()
{
    static const QString family = [] {
        const QStringList families = QFontDatabase::families();
        for (const char *candidate :
             {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"}) {
            if (families.contains(QLatin1String(candidate)))
                return QString::fromLatin1(candidate);
        }
        return QGuiApplication::font().family();
    }();
    return family;
}

QFont font(double pixelSize, bool bold)
{
    QFont f(fontFamily());
    f.setPixelSize(qMax(1, qRound(pixelSize)));
    f.setBold(bold);
    // No OpenType shaping: with it Noto Sans CJK draws Latin digits with glyphs its cmap does not
    // reach, and Qt's PDF writer then leaves them out of the ToUnicode map (so "2023" could
    // not be searched or copied). Latin and Chinese need no shaping.
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferAntialias | QFont::PreferNoShaping));
    return f;
}

QString plainText(const QString &text, int maxLength)
{
    maxLength = std::max(maxLength, 2);
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxLength));
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (out.size() >= maxLength) {
            // Cut: keep maxLength - 1 characters, not half a surrogate pair, and an ellipsis.
            out.truncate(maxLength - 1);
            if (out.back().isHighSurrogate())
                out.chop(1);
            out.append(QChar(0x2026));
            break;
        }
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            continue; // embeddings, overrides and isolates
        if (u == '\n' || u == '\r' || u == '\t')
            out.append(QLatin1Char(' '));
        else if (u < 0x20 || (u >= 0x7F && u < 0xA0))
            out.append(QChar(0xFFFD));
        else
            out.append(c);
    }
    return out;
}

QColor roleColor(const QString &role)
{
    static const QHash<QString, QColor> colors{
            {QStringLiteral("cloud_vendor"), QColor(0x00, 0x72, 0xB2)},    // blue
            {QStringLiteral("chip_vendor"), QColor(0xD5, 0x5E, 0x00)},     // vermillion
            {QStringLiteral("model_developer"), QColor(0x00, 0x9E, 0x73)}, // bluish green
            {QStringLiteral("industry_client"), QColor(0xE6, 0x9F, 0x00)}, // orange
            {QStringLiteral("investor"), QColor(0xCC, 0x79, 0xA7)},        // reddish purple
            {QStringLiteral("government"), QColor(0x56, 0xB4, 0xE9)},      // sky blue
            {QStringLiteral("other"), QColor(0x99, 0x99, 0x99)},           // grey
    };
    return colors.value(role, QColor(0x99, 0x99, 0x99));
}

QColor tieKindColor(const QString &kind)
{
    static const QHash<QString, QColor> colors{
            {QStringLiteral("hosting"), QColor(0x00, 0x72, 0xB2)},
            {QStringLiteral("investment"), QColor(0xCC, 0x79, 0xA7)},
            {QStringLiteral("chip_order"), QColor(0xD5, 0x5E, 0x00)},
            {QStringLiteral("partnership"), QColor(0x55, 0x55, 0x55)},
            {QStringLiteral("platform"), QColor(0x00, 0x9E, 0x73)},
            {QStringLiteral("ownership"), QColor(0x8C, 0x6D, 0x31)},
            {QStringLiteral("backing"), QColor(0x56, 0xB4, 0xE9)},
            {QStringLiteral("compatibility"), QColor(0xE6, 0x9F, 0x00)},
            {QStringLiteral("serves"), QColor(0x99, 0x99, 0x33)},
    };
    return colors.value(kind, QColor(0x55, 0x55, 0x55));
}

Qt::PenStyle evidencePenStyle(EvidenceGrade grade)
{
    switch (grade) {
    case EvidenceGrade::Reported:
        return Qt::SolidLine;
    case EvidenceGrade::Claimed:
        return Qt::DashLine;
    case EvidenceGrade::Inferred:
        return Qt::DotLine;
    }
    return Qt::SolidLine;
}

double evidenceOpacity(EvidenceGrade grade)
{
    return grade == EvidenceGrade::Inferred ? 0.55 : 1.0;
}

QString evidenceGradeDescription(EvidenceGrade grade)
{
    switch (grade) {
    case EvidenceGrade::Reported:
        return QStringLiteral("reported by a source");
    case EvidenceGrade::Claimed:
        return QStringLiteral("claimed by one party");
    case EvidenceGrade::Inferred:
        return QStringLiteral("inferred by the editor");
    }
    return {};
}

QPolygonF diamond(const QPointF &c, double r)
{
    return QPolygonF(
            {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)});
}

QString EvidenceCounts::footerLine(const QString &noun) const
{
    return QStringLiteral("Evidence: %1 %2 reported, %3 claimed by one party (dashed), %4 "
                          "inferred by the editor (dotted, lighter).")
            .arg(of(EvidenceGrade::Reported))
            .arg(noun)
            .arg(of(EvidenceGrade::Claimed))
            .arg(of(EvidenceGrade::Inferred));
}

double frameHeight(double width,
                   const QString &title,
                   const QString &subtitle,
                   const QStringList &footer)
{
    const double w = width - 2 * kMargin;
    double h = 2 * kMargin;
    h += wrappedHeight(font(kTitleSize, true), w, title);
    if (!subtitle.isEmpty())
        h += kGap / 2 + wrappedHeight(font(kSubtitleSize), w, subtitle);
    h += 2 * kGap;
    if (!footer.isEmpty())
        h += 2 * kGap + wrappedHeight(font(kFooterSize), w, footer.join(QLatin1Char('\n')));
    return h;
}

double footerHeight(double width, const QStringList &footer)
{
    return footerText(width - 2 * kMargin, 1e9, footer, 1.0).second;
}

QRectF contentRect(const QRectF &target,
                   const QString &title,
                   const QString &subtitle,
                   const QStringList &footer,
                   double maxFooterShare)
{
    const QRectF inner = target.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double w = inner.width();
    double top = inner.top() + wrappedHeight(font(kTitleSize, true), w, title);
    if (!subtitle.isEmpty())
        top += kGap / 2 + wrappedHeight(font(kSubtitleSize), w, subtitle);
    top += 2 * kGap;
    double bottom = inner.bottom();
    if (!footer.isEmpty())
        bottom -= footerText(w, target.height(), footer, maxFooterShare).second + 2 * kGap;
    return QRectF(inner.left(), top, w, qMax(0.0, bottom - top));
}

QRectF paintFrame(QPainter &painter,
                  const QRectF &target,
                  const QString &title,
                  const QString &subtitle,
                  const QStringList &footer,
                  double maxFooterShare)
{
    const QRectF inner = target.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double w = inner.width();
    double y = inner.top();
    painter.save();
    painter.setPen(QColor(0x20, 0x20, 0x20));
    const QFont titleFont = font(kTitleSize, true);
    const double th = wrappedHeight(titleFont, w, title);
    painter.setFont(titleFont);
    painter.drawText(QRectF(inner.left(), y, w, th), Qt::TextWordWrap, plainText(title));
    y += th;
    if (!subtitle.isEmpty()) {
        const QFont subFont = font(kSubtitleSize);
        y += kGap / 2;
        const double sh = wrappedHeight(subFont, w, subtitle);
        painter.setFont(subFont);
        painter.setPen(QColor(0x50, 0x50, 0x50));
        painter.drawText(QRectF(inner.left(), y, w, sh), Qt::TextWordWrap, plainText(subtitle));
        y += sh;
    }
    y += 2 * kGap;
    double bottom = inner.bottom();
    if (!footer.isEmpty()) {
        const QFont footFont = font(kFooterSize);
        const auto [text, fh] = footerText(w, target.height(), footer, maxFooterShare);
        const double top = bottom - fh;
        painter.setPen(QPen(QColor(0xC0, 0xC0, 0xC0), 1));
        painter.drawLine(QPointF(inner.left(), top - kGap), QPointF(inner.right(), top - kGap));
        painter.setFont(footFont);
        painter.setPen(QColor(0x50, 0x50, 0x50));
        painter.drawText(QRectF(inner.left(), top, w, fh), Qt::TextWordWrap, text);
        bottom = top - 2 * kGap;
    }
    painter.restore();
    return QRectF(inner.left(), y, w, qMax(0.0, bottom - y));
}

std::pair<QRectF, QRectF> splitLegend(const QRectF &content, double legendWidth)
{
    const double w = std::min(legendWidth, content.width() * 0.4);
    return {QRectF(content.left(), content.top(), content.width() - w - 12, content.height()),
            QRectF(content.right() - w, content.top(), w, content.height())};
}

QTransform fitTransform(const QRectF &bounds, const QRectF &plot, double maxScale)
{
    if (bounds.isEmpty() || plot.isEmpty())
        return QTransform::fromTranslate(plot.center().x(), plot.center().y());
    const double s = std::min(
            {plot.width() / bounds.width(), plot.height() / bounds.height(), maxScale});
    QTransform t;
    t.translate(plot.center().x(), plot.center().y());
    t.scale(s, s);
    t.translate(-bounds.center().x(), -bounds.center().y());
    return t;
}

double cssScale(const QPainter &painter)
{
    const double world = std::sqrt(std::abs(painter.worldTransform().determinant()));
    const QPaintDevice *device = painter.device();
    const double dpi = device && device->logicalDpiX() > 0 ? device->logicalDpiX() : 96.0;
    return world * 96.0 / dpi;
}

bool paintFitted(QPainter &painter,
                 const QRectF &area,
                 double naturalWidth,
                 double smallestFontPx,
                 const std::function<double(QPainter &, double width)> &paint)
{
    if (area.width() <= 0 || area.height() <= 0)
        return false;
    // Measures the column at `width` without drawing anything (recorded, then thrown away;
    // the column itself is painted straight onto the painter below — a QPicture played back
    // onto a device of another DPI would scale its text by that DPI).
    auto measure = [&](double width) {
        QPicture scratch;
        QPainter recorder(&scratch);
        const double used = paint(recorder, width);
        recorder.end();
        return std::max(1.0, used);
    };
    const double css = std::max(1e-6, cssScale(painter));
    const double kMin = kMinLegendFontPx / (std::max(1.0, smallestFontPx) * css);
    double k = std::min(1.0, area.width() / std::max(1.0, naturalWidth));
    double width = naturalWidth;
    if (k < kMin) {
        k = kMin;
        width = area.width() / k; // readable text in a narrower column: it wraps
    }
    const double used = measure(width);
    bool clipped = false;
    if (used * k > area.height()) {
        const double fit = area.height() / used;
        if (fit >= kMin) {
            k = fit;
        } else {
            k = kMin;
            width = area.width() / k;
            clipped = measure(width) * k > area.height();
        }
    }
    painter.save();
    painter.setClipRect(area, Qt::IntersectClip);
    painter.translate(area.topLeft());
    painter.scale(k, k);
    paint(painter, width);
    painter.restore();
    if (clipped) {
        // A fade over the last lines and a note, so a cut legend does not pass for a whole one.
        painter.save();
        const double noteH = kMinLegendFontPx * 1.6 / css;
        const QRectF fade(area.left(), area.bottom() - 3 * noteH, area.width(), 3 * noteH);
        QLinearGradient g(fade.topLeft(), fade.bottomLeft());
        g.setColorAt(0, QColor(255, 255, 255, 0));
        g.setColorAt(0.6, QColor(255, 255, 255, 235));
        g.setColorAt(1, QColor(255, 255, 255, 255));
        painter.fillRect(fade, g);
        painter.setPen(QColor(0x50, 0x50, 0x50));
        painter.setFont(font(kMinLegendFontPx / css, false));
        painter.drawText(QRectF(area.left(), area.bottom() - noteH, area.width(), noteH),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("\u2026 legend continues (enlarge the figure)"));
        painter.restore();
    }
    return clipped;
}

QColor changeColor(const QString &change)
{
    if (change == QLatin1String("added"))
        return QColor(0x00, 0x9E, 0x73);
    if (change == QLatin1String("removed"))
        return QColor(0xD5, 0x5E, 0x00);
    if (change == QLatin1String("changed"))
        return QColor(0xE6, 0x9F, 0x00);
    return QColor(0x88, 0x88, 0x88);
}

} // namespace EcoAtlas::FigureStyle
