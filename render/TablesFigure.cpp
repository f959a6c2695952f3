// SPDX-License-Identifier: MIT
#include "TablesFigure.h"

#include "FigureStyle.h"
#include "OrganizationDetails.h"
#include "TimeFilter.h"

#include <QFontMetricsF>
#include <QPainter>

namespace EcoAtlas {

namespace {
constexpr double kNaturalWidth = 1400;
constexpr double kCellPad = 6;
constexpr double kHeaderSize = 14;
constexpr double kBodySize = 13;
const double kColumnShares[] = {0.09, 0.16, 0.16, 0.37, 0.12, 0.10};

QString detailsOf(const Landscape &l, const Tie &t)
{
    QStringList parts;
    if (t.kind == QLatin1String("hosting"))
        parts << Vocabulary::label(t.service);
    const Product *product = l.product(t.productId);
    if (product && t.kind != QLatin1String("chip_order"))
        parts << QStringLiteral("through %1").arg(product->nameEn);
    if (t.kind == QLatin1String("investment")) {
        parts << t.amount.toDisplayString();
        if (!t.round.isEmpty())
            parts << t.round; // "cumulative (total invested to date)" must survive
        if (t.lead && *t.lead)
            parts << QStringLiteral("lead");
    }
    if (t.kind == QLatin1String("chip_order")) {
        if (!t.chipModel.isEmpty())
            parts << t.chipModel;
        else if (product)
            parts << product->nameEn;
        if (t.units.value)
            parts << t.units.toDisplayString(QStringLiteral("units"));
        parts << QStringLiteral("value %1").arg(t.amount.toDisplayString());
        parts << Vocabulary::label(t.status).toLower();
        if (t.delivery.isValid())
            parts << QStringLiteral("delivery %1").arg(t.delivery.toDisplayString());
    }
    if (t.kind == QLatin1String("ownership") && t.stake.value)
        parts << QStringLiteral("stake %1").arg(t.stake.toDisplayString(QStringLiteral("percent")));
    if (t.kind == QLatin1String("compatibility") && !t.chipModel.isEmpty())
        parts << t.chipModel;
    if (t.kind == QLatin1String("chip_order"))
        if (const Deal *d = l.deal(t.dealId); d && d->parties == PartySet::Open)
            parts << QStringLiteral("the source names some buyers, not all");
    const QString evidence = l.evidenceText(t.evidence);
    if (!evidence.isEmpty())
        parts << evidence;
    return parts.join(QStringLiteral(", "));
}
} // namespace

TablesFigure::TablesFigure(const Landscape &landscape, FigureOptions options)
    : m_landscape(landscape)
    , m_options(std::move(options))
{
    QList<const Tie *> ties;
    for (const Tie &t : landscape.ties)
        if (TimeFilter::isVisible(t, m_options.asOf) && m_options.showsGrade(t.evidence.grade))
            ties.append(&t);
    auto orgName = [&](RowId id) {
        const Organization *o = landscape.organization(id);
        return o ? m_options.name(*o) : QString();
    };
    std::stable_sort(ties.begin(), ties.end(), [&](const Tie *a, const Tie *b) {
        const int ka = Vocabulary::tieKinds().indexOf(a->kind);
        const int kb = Vocabulary::tieKinds().indexOf(b->kind);
        if (ka != kb)
            return ka < kb;
        return orgName(a->fromId).localeAwareCompare(orgName(b->fromId)) < 0;
    });
    QList<RowId> cited;
    for (const Tie *t : ties) {
        QStringList refs;
        for (RowId s : t->sourceIds) {
            if (!cited.contains(s))
                cited.append(s);
            refs << QString::number(cited.indexOf(s) + 1);
        }
        m_rows.append(
                {t->kind,
                 {Vocabulary::label(t->kind),
                  orgName(t->fromId),
                  t->sectorId ? landscape.tieTargetName(*t) : orgName(t->toId),
                  detailsOf(landscape, *t),
                  t->start.isValid() ? t->start.toDisplayString() : QStringLiteral("date unknown"),
                  refs.isEmpty() ? QStringLiteral("none")
                                 : QLatin1Char('[') + refs.join(QStringLiteral(", "))
                                           + QLatin1Char(']')}});
    }
    QStringList entries;
    for (int i = 0; i < cited.size(); ++i)
        if (const Source *s = landscape.source(cited[i]))
            entries << QStringLiteral("[%1] %2").arg(i + 1).arg(
                    OrganizationDetails::sourceCitation(landscape, *s));
    m_footer << QStringLiteral("Sources: ") + entries.join(QStringLiteral("; "));
    FigureStyle::EvidenceCounts counts;
    for (const Tie *t : ties)
        counts.add(t->evidence.grade);
    m_footer << counts.footerLine(QStringLiteral("ties"));
    m_footer << QStringLiteral("Made with EcoAtlas. A claim is what one party says of itself, "
                               "not a reported fact; an inference is the editor's reading of "
                               "the sources, with its rationale.");
}

QString TablesFigure::title() const
{
    if (!m_options.title.isEmpty())
        return m_options.title;
    return m_landscape.title.isEmpty() ? QStringLiteral("Landscape") : m_landscape.title;
}

QString TablesFigure::subtitle() const
{
    if (!m_options.subtitle.isEmpty())
        return m_options.subtitle;
    const QString when = m_options.asOf.isValid()
                                 ? QStringLiteral("as of %1")
                                           .arg(m_options.asOf.toString(Qt::ISODate))
                                 : QStringLiteral("all dates");
    return QStringLiteral("Ties between organizations, %1 \u00B7 %2 ties")
            .arg(when)
            .arg(m_rows.size());
}

QList<double> TablesFigure::columnWidths(double width) const
{
    QList<double> w;
    for (double share : kColumnShares)
        w << share * width;
    return w;
}

double TablesFigure::rowHeight(const Row &row, const QList<double> &widths) const
{
    const QFontMetricsF fm(FigureStyle::font(kBodySize));
    double h = fm.height();
    for (int c = 0; c < row.cells.size(); ++c) {
        const QRectF r = fm.boundingRect(QRectF(0, 0, widths[c] - 2 * kCellPad, 1e6),
                                         Qt::TextWordWrap,
                                         FigureStyle::plainText(row.cells[c]));
        h = qMax(h, r.height());
    }
    return h + 2 * kCellPad;
}

double TablesFigure::tableHeight(double width) const
{
    const QList<double> widths = columnWidths(width);
    double h = QFontMetricsF(FigureStyle::font(kHeaderSize, true)).height() + 2 * kCellPad;
    for (const Row &row : m_rows)
        h += rowHeight(row, widths);
    return h;
}

QSizeF TablesFigure::naturalSize() const
{
    const double contentWidth = kNaturalWidth - 2 * FigureStyle::kMargin;
    return QSizeF(kNaturalWidth,
                  FigureStyle::frameHeight(kNaturalWidth, title(), subtitle(), m_footer)
                          + tableHeight(contentWidth) + 1);
}

void TablesFigure::paint(QPainter &painter, const QRectF &target) const
{
    const QSizeF natural = naturalSize();
    const double scale = qMin(target.width() / natural.width(), target.height() / natural.height());
    painter.save();
    painter.translate(target.left() + (target.width() - natural.width() * scale) / 2,
                      target.top() + (target.height() - natural.height() * scale) / 2);
    painter.scale(scale, scale);
    const QRectF content = FigureStyle::paintFrame(
            painter, QRectF(QPointF(0, 0), natural), title(), subtitle(), m_footer);
    const QList<double> widths = columnWidths(content.width());
    static const QStringList headers{QStringLiteral("Kind"),
                                     QStringLiteral("From"),
                                     QStringLiteral("To"),
                                     QStringLiteral("Details"),
                                     QStringLiteral("Began"),
                                     QStringLiteral("Sources")};
    double y = content.top();
    const QFont headerFont = FigureStyle::font(kHeaderSize, true);
    const double hh = QFontMetricsF(headerFont).height() + 2 * kCellPad;
    painter.setFont(headerFont);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    double x = content.left();
    for (int c = 0; c < headers.size(); ++c) {
        painter.drawText(QRectF(x + kCellPad, y + kCellPad, widths[c] - 2 * kCellPad, hh),
                         Qt::AlignLeft | Qt::AlignTop,
                         headers[c]);
        x += widths[c];
    }
    y += hh;
    painter.setPen(QPen(QColor(0x40, 0x40, 0x40), 1.5));
    painter.drawLine(QPointF(content.left(), y), QPointF(content.right(), y));
    const QFont bodyFont = FigureStyle::font(kBodySize);
    painter.setFont(bodyFont);
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        const double rh = rowHeight(row, widths);
        if (r % 2 == 1)
            painter.fillRect(QRectF(content.left(), y, content.width(), rh),
                             QColor(0xF4, 0xF4, 0xF4));
        painter.fillRect(QRectF(content.left(), y + 2, 4, rh - 4),
                         FigureStyle::tieKindColor(row.kind));
        x = content.left();
        painter.setPen(QColor(0x20, 0x20, 0x20));
        for (int c = 0; c < row.cells.size(); ++c) {
            painter.drawText(
                    QRectF(x + kCellPad, y + kCellPad, widths[c] - 2 * kCellPad, rh - 2 * kCellPad),
                    Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                    FigureStyle::plainText(row.cells[c]));
            x += widths[c];
        }
        y += rh;
    }
    painter.restore();
}

} // namespace EcoAtlas
