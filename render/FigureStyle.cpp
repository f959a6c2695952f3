// SPDX-License-Identifier: MIT
#include "FigureStyle.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPicture>

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

QString plainText(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r' || u == '\t')
            c = QLatin1Char(' ');
        else if (u < 0x20 || (u >= 0x7F && u < 0xA0))
            c = QChar(0xFFFD);
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

QRectF contentRect(const QRectF &target,
                   const QString &title,
                   const QString &subtitle,
                   const QStringList &footer)
{
    const QRectF inner = target.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double w = inner.width();
    double top = inner.top() + wrappedHeight(font(kTitleSize, true), w, title);
    if (!subtitle.isEmpty())
        top += kGap / 2 + wrappedHeight(font(kSubtitleSize), w, subtitle);
    top += 2 * kGap;
    double bottom = inner.bottom();
    if (!footer.isEmpty())
        bottom -= wrappedHeight(font(kFooterSize), w, footer.join(QLatin1Char('\n'))) + 2 * kGap;
    return QRectF(inner.left(), top, w, qMax(0.0, bottom - top));
}

QRectF paintFrame(QPainter &painter,
                  const QRectF &target,
                  const QString &title,
                  const QString &subtitle,
                  const QStringList &footer)
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
        QStringList lines;
        for (const QString &l : footer)
            lines << plainText(l);
        const QString text = lines.join(QLatin1Char('\n'));
        const double fh = wrappedHeight(footFont, w, text);
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

void paintFitted(QPainter &painter,
                 const QRectF &area,
                 double naturalWidth,
                 const std::function<double(QPainter &)> &paint)
{
    QPicture picture;
    QPainter recorder(&picture);
    const double used = paint(recorder);
    recorder.end();
    const double k = std::min(
            {1.0, area.height() / std::max(1.0, used), area.width() / std::max(1.0, naturalWidth)});
    painter.save();
    painter.translate(area.topLeft());
    painter.scale(k, k);
    painter.drawPicture(0, 0, picture);
    painter.restore();
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
