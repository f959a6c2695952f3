// SPDX-License-Identifier: MIT
#include "NetworkFigure.h"

#include "CurrencyRates.h"
#include "FigureStyle.h"
#include "OrganizationDetails.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace EcoAtlas {

namespace {

constexpr double kLabelMargin = 90; ///< graph-space room kept around the nodes for labels, px
constexpr double kMaxFitScale = 1.5;

double edgeWidth(const NetworkEdge &e)
{
    if (e.amountUsd <= 0)
        return 1.4;
    // 1.4 px for small amounts up to about 7 px for $10 billion and more.
    return 1.4 + std::min(5.6, 1.6 * std::log10(1.0 + e.amountUsd / 1e8));
}

/// A compare-mode colour (FigureStyle::changeColor) with the given alpha (0-255).
QColor changeSample(const QString &change, int alpha)
{
    QColor c = FigureStyle::changeColor(change);
    c.setAlpha(alpha);
    return c;
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

QColor edgeColor(const NetworkEdge &e)
{
    if (e.kind == QLatin1String("chip_order") && e.status == QLatin1String("cancelled"))
        return QColor(0x88, 0x88, 0x88);
    return FigureStyle::tieKindColor(e.kind);
}

/// Line style of an edge: its evidence grade (reported solid, claimed dashed, inferred
/// dotted), except chip orders at risk or cancelled (dash-dot).
Qt::PenStyle edgeStyle(const NetworkEdge &e)
{
    if (e.kind == QLatin1String("chip_order")
        && (e.status == QLatin1String("at_risk") || e.status == QLatin1String("cancelled")))
        return Qt::DashDotLine;
    return FigureStyle::evidencePenStyle(e.grade);
}

} // namespace

NetworkFigure::NetworkFigure(const Landscape &landscape,
                             const NetworkGraph &graph,
                             const QList<QPointF> &positions,
                             FigureOptions options,
                             SizeMeasure measure)
    : m_landscape(landscape)
    , m_graph(graph)
    , m_positions(positions)
    , m_options(std::move(options))
    , m_measure(measure)
{
    m_positions.resize(graph.nodes.size());
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const double r = graph.nodes[i].radius;
        const QRectF box(m_positions[i] - QPointF(r, r), QSizeF(2 * r, 2 * r));
        m_bounds = i == 0 ? box : m_bounds.united(box);
    }
    const QFontMetricsF fm(FigureStyle::font(kLabelSize));
    m_labelSizes.reserve(graph.nodes.size());
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const QString text = FigureStyle::plainText(labelOf(i), FigureStyle::kMaxLabelLength);
        m_labelSizes.append(QSizeF(fm.horizontalAdvance(text) + 2, fm.height()));
    }
}

void NetworkFigure::setHighlight(int index)
{
    m_highlight = (index >= 0 && index < m_graph.nodes.size()) ? index : -1;
    m_highlightSet = m_highlight >= 0 ? m_graph.neighbours(m_highlight) : QList<int>();
    if (m_highlight >= 0)
        m_highlightSet.append(m_highlight);
}

void NetworkFigure::setChanges(const QSet<RowId> &added,
                               const QSet<RowId> &removed,
                               const QSet<RowId> &changed,
                               QDate from)
{
    m_added = added;
    m_removed = removed;
    m_changed = changed;
    m_compareFrom = from;
}

void NetworkFigure::paintChanges(QPainter &p, const QTransform &t, double scale) const
{
    if (m_added.isEmpty() && m_removed.isEmpty() && m_changed.isEmpty())
        return;
    const double s = std::clamp(scale, 0.5, 2.0);
    p.save();
    p.setBrush(Qt::NoBrush);
    // Bands under the edges that were added or changed.
    for (const NetworkEdge &e : m_graph.edges) {
        const bool added = m_added.contains(e.tieId);
        if (!added && !m_changed.contains(e.tieId))
            continue;
        QColor band = FigureStyle::changeColor(added ? QStringLiteral("added")
                                                     : QStringLiteral("changed"));
        band.setAlpha(added ? 110 : 130);
        p.setPen(QPen(band, 9 * s, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(t.map(m_positions[e.from]), t.map(m_positions[e.to]));
    }
    // Ghosts of removed ties.
    for (const Tie &tie : m_landscape.ties) {
        if (!m_removed.contains(tie.id))
            continue;
        const int a = m_graph.indexOfOrganization(tie.fromId);
        const int b = m_graph.indexOfOrganization(tie.toId);
        if (a < 0 || b < 0)
            continue;
        QColor ghost = FigureStyle::changeColor(QStringLiteral("removed"));
        ghost.setAlpha(170);
        p.setPen(QPen(ghost, 2 * s, Qt::DashLine, Qt::FlatCap));
        p.drawLine(t.map(m_positions[a]), t.map(m_positions[b]));
    }
    p.restore();
}

bool NetworkFigure::isFaded(int node) const
{
    return m_highlight >= 0 && !m_highlightSet.contains(node);
}

QString NetworkFigure::labelOf(int index) const
{
    const NetworkNode &n = m_graph.nodes.at(index);
    Organization o;
    o.nameEn = n.nameEn;
    o.nameZh = n.nameZh;
    return m_options.name(o);
}

QString NetworkFigure::toolTipText(int index) const
{
    const NetworkNode &n = m_graph.nodes.at(index);
    QStringList lines{n.nameEn};
    if (!n.nameZh.isEmpty() && n.nameZh != n.nameEn)
        lines << n.nameZh;
    if (!n.aliases.isEmpty())
        lines << QStringLiteral("Also known as: %1").arg(n.aliases.join(QStringLiteral(", ")));
    if (n.productId) {
        lines << QStringLiteral("Platform or product");
    } else if (n.sectorId) {
        lines << QStringLiteral("Industry sector");
    } else {
        QStringList roles;
        for (const QString &r : n.roles)
            roles << Vocabulary::label(r);
        lines << QStringLiteral("Roles: %1")
                         .arg(roles.isEmpty() ? QStringLiteral("none recorded")
                                              : roles.join(QStringLiteral(", ")));
    }
    // Every tie shown at this node with its evidence ("[inferred: …]", "[claimed by …]"), so
    // a grade is never more than a hover away; long lists are cut at ten.
    QStringList ties;
    for (const NetworkEdge &e : m_graph.edges) {
        if (e.from != index && e.to != index)
            continue;
        const Tie *t = m_landscape.tie(e.tieId);
        if (!t)
            continue;
        ties << QStringLiteral("\u2022 ")
                        + (n.organizationId ? OrganizationDetails::tieSummary(
                                   m_landscape, *t, n.organizationId)
                                            : QStringLiteral("%1 %2").arg(
                                                    m_landscape.organizationName(t->fromId),
                                                    OrganizationDetails::tieSummary(
                                                            m_landscape, *t, t->fromId)));
    }
    lines << QStringLiteral("%1 ties shown").arg(ties.size())
                     + (ties.isEmpty() ? QString() : QStringLiteral(":"));
    const qsizetype shownTies = std::min<qsizetype>(ties.size(), 10);
    lines << ties.mid(0, shownTies);
    if (ties.size() > shownTies)
        lines << QStringLiteral("\u2026 and %1 more (see the Details panel)")
                         .arg(ties.size() - shownTies);
    return lines.join(QLatin1Char('\n'));
}

QString NetworkFigure::measureName(SizeMeasure measure)
{
    switch (measure) {
    case SizeMeasure::Degree:
        return QStringLiteral("number of ties");
    case SizeMeasure::MoneyInvested:
        return QStringLiteral("money invested (USD, disclosed amounts)");
    case SizeMeasure::ChipsOrdered:
        return QStringLiteral("chips ordered (disclosed units)");
    case SizeMeasure::ClientsHosted:
        return QStringLiteral("clients hosted");
    }
    return {};
}

QString NetworkFigure::title() const
{
    if (!m_options.title.isEmpty())
        return m_options.title;
    return m_landscape.title.isEmpty() ? QStringLiteral("Network") : m_landscape.title;
}

QString NetworkFigure::subtitle() const
{
    int orgs = 0;
    int sectors = 0;
    for (const NetworkNode &n : m_graph.nodes) {
        orgs += n.organizationId ? 1 : 0;
        sectors += n.sectorId ? 1 : 0;
    }
    const QString when = m_options.dateText();
    auto count = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    const QString sectorText = sectors ? QStringLiteral(", ")
                                                 + count(sectors,
                                                         "industry sector",
                                                         "industry sectors")
                                       : QString();
    const QString generated = QStringLiteral("%1 with ties%2, %3 \u00B7 %4")
                                      .arg(count(orgs, "organization", "organizations"))
                                      .arg(sectorText)
                                      .arg(count(m_graph.edges.size(), "tie", "ties"))
                                      .arg(when);
    if (m_options.subtitle.isEmpty())
        return generated;
    return m_options.asOf.isValid() ? QStringLiteral("%1 \u00B7 %2").arg(m_options.subtitle, when)
                                    : m_options.subtitle;
}

QStringList NetworkFigure::footer() const
{
    // Asked for by every paint and every hit test (frame()); the lines depend only on what the
    // figure was built with, so they are composed once.
    if (!m_footer)
        m_footer = composeFooter();
    return *m_footer;
}

QStringList NetworkFigure::composeFooter() const
{
    QList<RowId> cited;
    bool money = false;
    for (const NetworkEdge &e : m_graph.edges) {
        money = money || e.amountUsd > 0;
        for (RowId s : e.sourceIds)
            if (!cited.contains(s))
                cited.append(s);
    }
    QStringList entries;
    for (RowId id : cited)
        if (const Source *s = m_landscape.source(id))
            entries << OrganizationDetails::sourceCitation(m_landscape, *s);
    QStringList lines;
    lines << QStringLiteral("Sources: %1")
                     .arg(entries.isEmpty() ? QStringLiteral("none shown")
                                            : entries.join(QStringLiteral("; ")));
    if (money)
        lines << QStringLiteral("Edge widths by disclosed amount converted to USD. ")
                         + CurrencyRates::description();
    lines << evidenceCounts().footerLine(QStringLiteral("ties"));
    QStringList caveats;
    for (const NetworkEdge &e : m_graph.edges) {
        const Tie *t = m_landscape.tie(e.tieId);
        if (t && !t->evidence.caveat.isEmpty())
            caveats << QStringLiteral("%1 \u2192 %2: %3")
                               .arg(m_landscape.organizationName(t->fromId),
                                    m_landscape.tieTargetName(*t),
                                    t->evidence.caveat);
    }
    if (!caveats.isEmpty())
        lines << QStringLiteral("Caveats: %1").arg(caveats.join(QStringLiteral("; ")));
    lines << QStringLiteral("Made with EcoAtlas.");
    return lines;
}

NetworkFigure::Frame NetworkFigure::frame(const QRectF &target) const
{
    const auto [plot, legend] = FigureStyle::splitLegend(
            FigureStyle::contentRect(
                    target, title(), subtitle(), footer(), FigureStyle::kMaxFooterShare),
            kLegendWidth);
    return {plot, legend};
}

FigureStyle::EvidenceCounts NetworkFigure::evidenceCounts() const
{
    FigureStyle::EvidenceCounts counts;
    for (const NetworkEdge &e : m_graph.edges)
        if (e.tieId)
            counts.add(e.grade);
    return counts;
}

QTransform NetworkFigure::fitTransform(const QRectF &plot) const
{
    const QRectF b = m_bounds.adjusted(
            -kLabelMargin, -kLabelMargin / 3, kLabelMargin, kLabelMargin / 3);
    return FigureStyle::fitTransform(m_graph.nodes.isEmpty() ? QRectF() : b, plot, kMaxFitScale);
}

QSizeF NetworkFigure::naturalSize() const
{
    const QRectF b = m_bounds.adjusted(
            -kLabelMargin, -kLabelMargin / 3, kLabelMargin, kLabelMargin / 3);
    const double w = std::max(900.0, b.width() + kLegendWidth + 12 + 2 * FigureStyle::kMargin);
    // The frame's height depends on the width (wrapped footer); measure at that width.
    const double frameH = FigureStyle::frameHeight(w, title(), subtitle(), footer());
    // Tall enough that the whole footer fits its share (kMaxFooterShare) of the height.
    const double footerRoom = FigureStyle::footerHeight(w, footer()) / FigureStyle::kMaxFooterShare;
    const double h = std::max({640.0, std::max(b.height(), 560.0) + frameH, footerRoom + 1});
    return QSizeF(std::ceil(w), std::ceil(h));
}

QList<LabelPlacer::Placement> NetworkFigure::placeLabels(const QTransform &t,
                                                         const QRectF &plot) const
{
    const double scale = std::sqrt(std::abs(t.determinant()));
    QList<QPointF> pos;
    QList<double> radii;
    pos.reserve(m_graph.nodes.size());
    radii.reserve(m_graph.nodes.size());
    QList<int> degree(m_graph.nodes.size(), 0);
    for (const NetworkEdge &e : m_graph.edges) {
        ++degree[e.from];
        ++degree[e.to];
    }
    QList<double> priorities(m_graph.nodes.size());
    for (int i = 0; i < m_graph.nodes.size(); ++i)
        priorities[i] = m_graph.nodes[i].radius * 1000.0 + degree[i]
                        + (m_highlightSet.contains(i) ? 1e9 : 0);
    // The 20 most important nodes are always candidates, so that even a 10,000-node overview
    // names its hubs; other nodes drawn under 1.5 px get no label (it would float unanchored).
    QList<double> sorted = priorities;
    std::sort(sorted.begin(), sorted.end(), std::greater<double>());
    const double top = sorted.isEmpty() ? 0 : sorted[std::min<qsizetype>(19, sorted.size() - 1)];
    QList<LabelPlacer::Label> labels;
    labels.reserve(m_graph.nodes.size());
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        pos << t.map(m_positions[i]);
        radii << m_graph.nodes[i].radius * scale;
        // A node whose centre is outside the plot (panned or zoomed away) is clipped, so it
        // gets no label either: a label never stands for a node that is not there.
        if (!plot.contains(pos.last()))
            continue;
        if (m_graph.nodes[i].radius * scale >= 1.5 || priorities[i] >= top)
            labels.append({i, m_labelSizes[i], priorities[i]});
    }
    LabelPlacer::Options options;
    options.distance = 3;
    options.rings = 3;
    // A label sits nearer its own node than any other, so in a crowded or small diagram it
    // never reads as a neighbour's; where that is impossible it is hidden.
    options.ownNodeNearest = true;
    const QList<LabelPlacer::Placement> placed = LabelPlacer(options).place(
            pos, radii, labels, plot);
    QList<LabelPlacer::Placement> result(m_graph.nodes.size());
    for (int k = 0; k < labels.size(); ++k)
        result[labels[k].node] = placed[k];
    return result;
}

void NetworkFigure::paintEdges(QPainter &p, const QTransform &t, double scale) const
{
    const double s = std::clamp(scale, 0.5, 2.0);
    const double headScale = std::clamp(scale, 0.35, 1.0);
    // Parallel ties between the same two organizations (four buyers' orders from one supplier
    // in two deals, say) are fanned out as arcs so that none hides another.
    QHash<quint64, int> count;
    auto pairKey = [](int a, int b) {
        return (quint64(quint32(std::min(a, b))) << 32) | quint32(std::max(a, b));
    };
    for (const NetworkEdge &e : m_graph.edges)
        ++count[pairKey(e.from, e.to)];
    // Edges are collected into batches of one pen each and drawn batch by batch: tens of
    // thousands of edges then cost a few draw calls instead of one state change per edge.
    struct Batch
    {
        QPen pen;
        QColor color;
        QList<QLineF> lines;
        QPainterPath curves;
        QPainterPath heads;
    };
    QList<Batch> batches;
    QHash<QString, int> batchOf;
    struct Marker
    {
        QPointF at;
        QColor color;
        bool cancelled;
        bool undated;
        bool faded;
    };
    QList<Marker> markers;
    QHash<quint64, int> seen;
    for (const NetworkEdge &e : m_graph.edges) {
        const quint64 key = pairKey(e.from, e.to);
        const int n = count.value(key);
        const int k = seen[key]++;
        const QPointF a = t.map(m_positions[e.from]);
        const QPointF b = t.map(m_positions[e.to]);
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        const double ra = m_graph.nodes[e.from].radius * scale;
        const double rb = m_graph.nodes[e.to].radius * scale;
        if (len <= ra + rb + 1)
            continue;
        const QPointF dir = d / len;
        // Offset of this edge's arc from the straight line, perpendicular to the pair's
        // canonical direction (the same for both directions of travel).
        const QPointF canonical = e.from < e.to ? dir : -dir;
        const QPointF normal(-canonical.y(), canonical.x());
        const double offset = (k - (n - 1) / 2.0) * 9.0 * s;
        const QPointF control = (a + b) / 2 + normal * (2 * offset);
        auto unit = [](QPointF v) {
            const double l = std::hypot(v.x(), v.y());
            return l > 0 ? v / l : v;
        };
        const QPointF startDir = unit(control - a);
        const QPointF endDir = unit(b - control);
        const QPointF start = a + startDir * ra;
        const QPointF tip = b - endDir * (rb + 1);
        const double width = edgeWidth(e) * s;
        const double head = (5 + 1.4 * width) * headScale;
        const bool faded = m_highlight >= 0 && e.from != m_highlight && e.to != m_highlight;
        const QColor color = withAlpha(edgeColor(e),
                                       faded ? 0.12 : 0.85 * FigureStyle::evidenceOpacity(e.grade));
        const Qt::PenStyle style = edgeStyle(e);
        const QString batchKey = QStringLiteral("%1/%2/%3")
                                         .arg(color.rgba())
                                         .arg(qRound(width * 10))
                                         .arg(int(style));
        int bi = batchOf.value(batchKey, -1);
        if (bi < 0) {
            bi = int(batches.size());
            batchOf.insert(batchKey, bi);
            batches.append(
                    {QPen(color, width, style, Qt::FlatCap, Qt::MiterJoin), color, {}, {}, {}});
        }
        Batch &batch = batches[bi];
        const QPointF lineEnd = tip - endDir * head * 0.8;
        if (offset == 0) {
            batch.lines.append(QLineF(start, lineEnd));
        } else {
            batch.curves.moveTo(start);
            batch.curves.quadTo(control, lineEnd);
        }
        const QPointF normalEnd(-endDir.y(), endDir.x());
        const QPointF base = tip - endDir * head;
        if (head >= 2.5) { // a smaller arrowhead is a blur, not a direction
            batch.heads.moveTo(tip);
            batch.heads.lineTo(base + normalEnd * (head * 0.5));
            batch.heads.lineTo(base - normalEnd * (head * 0.5));
            batch.heads.closeSubpath();
        }
        const bool cancelled = e.kind == QLatin1String("chip_order")
                               && e.status == QLatin1String("cancelled");
        const bool undatedMark = e.undated && m_options.asOf.isValid();
        if (cancelled || undatedMark) {
            const QPointF mid = offset == 0 ? (start + tip) / 2
                                            : 0.25 * start + 0.5 * control + 0.25 * lineEnd;
            markers.append({mid, color, cancelled, undatedMark, faded});
        }
    }
    // Dense diagrams (over 1,500 ties) draw hairlines without antialiasing: the raster engine's
    // fast path, about 20 times faster on long edges, and at that density the difference does
    // not show. Small diagrams keep antialiased lines of their true width.
    const bool dense = m_graph.edges.size() > 1500;
    p.save();
    if (dense)
        p.setRenderHint(QPainter::Antialiasing, false);
    for (Batch &batch : batches) {
        if (dense)
            batch.pen.setWidthF(batch.pen.widthF() < 1.5 ? 0.0 : batch.pen.widthF());
        p.setPen(batch.pen);
        p.setBrush(Qt::NoBrush);
        if (!batch.lines.isEmpty())
            p.drawLines(batch.lines);
        if (!batch.curves.isEmpty())
            p.drawPath(batch.curves);
        p.setPen(Qt::NoPen);
        p.setBrush(batch.color);
        p.drawPath(batch.heads);
    }
    p.restore();
    for (const Marker &m : std::as_const(markers)) {
        if (m.cancelled) {
            p.setPen(QPen(m.color, 2 * s));
            const double c = 4 * s;
            p.drawLine(m.at + QPointF(-c, -c), m.at + QPointF(c, c));
            p.drawLine(m.at + QPointF(-c, c), m.at + QPointF(c, -c));
        }
        if (m.undated) {
            const double r = 6 * s;
            p.setPen(QPen(withAlpha(QColor(0x55, 0x55, 0x55), m.faded ? 0.2 : 1.0), 1));
            p.setBrush(withAlpha(Qt::white, m.faded ? 0.2 : 1.0));
            p.drawEllipse(m.at, r, r);
            p.setFont(FigureStyle::font(9 * s, true));
            p.drawText(QRectF(m.at.x() - r, m.at.y() - r, 2 * r, 2 * r),
                       Qt::AlignCenter,
                       QStringLiteral("?"));
        }
    }
}

void NetworkFigure::paintNodes(QPainter &p, const QTransform &t, double scale) const
{
    // Nodes smaller than 2.5 px on screen are drawn as plain squares of their first role's
    // colour, batched per colour without antialiasing (a ring would not show at that size).
    QHash<QRgb, QList<QRectF>> specks;
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        const NetworkNode &n = m_graph.nodes[i];
        const QPointF c = t.map(m_positions[i]);
        const double r = n.radius * scale;
        if (r < 2.5 && i != m_highlight) {
            const QString role = n.productId         ? QStringLiteral("platform")
                                 : n.sectorId        ? QStringLiteral("serves")
                                 : n.roles.isEmpty() ? QStringLiteral("other")
                                                     : n.roles.first();
            const QColor color = withAlpha((n.productId || n.sectorId)
                                                   ? FigureStyle::tieKindColor(role)
                                                   : FigureStyle::roleColor(role),
                                           isFaded(i) ? 0.15 : 1.0);
            const double side = std::max(1.5, 2 * r);
            specks[color.rgba()].append(QRectF(c.x() - side / 2, c.y() - side / 2, side, side));
            continue;
        }
        const double alpha = isFaded(i) ? 0.15 : 1.0;
        const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
        if (n.productId) {
            p.setPen(QPen(withAlpha(QColor(0x30, 0x30, 0x30), alpha), 1));
            p.setBrush(withAlpha(FigureStyle::tieKindColor(QStringLiteral("platform")), alpha));
            p.drawRect(box.adjusted(r * 0.15, r * 0.15, -r * 0.15, -r * 0.15));
            continue;
        }
        if (n.sectorId) {
            p.setPen(QPen(withAlpha(QColor(0x30, 0x30, 0x30), alpha), 1));
            p.setBrush(withAlpha(FigureStyle::tieKindColor(QStringLiteral("serves")).lighter(150),
                                 alpha));
            p.drawPolygon(FigureStyle::diamond(c, r * 1.2));
            continue;
        }
        const QStringList roles = n.roles.isEmpty() ? QStringList{QStringLiteral("other")}
                                                    : n.roles;
        p.setPen(Qt::NoPen);
        if (roles.size() == 1) {
            p.setBrush(withAlpha(FigureStyle::roleColor(roles.first()), alpha));
            p.drawEllipse(box);
        } else {
            // A split ring: one arc per role, clockwise from 12 o'clock.
            const int span = 360 * 16 / int(roles.size());
            for (int k = 0; k < roles.size(); ++k) {
                p.setBrush(withAlpha(FigureStyle::roleColor(roles[k]), alpha));
                p.drawPie(box, 90 * 16 - k * span, -span);
            }
        }
        QColor inner = FigureStyle::roleColor(roles.first()).lighter(165);
        p.setBrush(withAlpha(inner, alpha));
        p.drawEllipse(c, r * 0.55, r * 0.55);
        const bool selected = i == m_highlight;
        p.setPen(QPen(withAlpha(QColor(0x20, 0x20, 0x20), alpha), selected ? 3 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box);
    }
    if (specks.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    for (auto it = specks.constBegin(); it != specks.constEnd(); ++it) {
        p.setBrush(QColor::fromRgba(it.key()));
        p.drawRects(*it);
    }
    p.restore();
}

double NetworkFigure::paintLegend(QPainter &p,
                                  const QPointF &topLeft,
                                  double width,
                                  int hiddenLabels) const
{
    p.save();
    double y = topLeft.y();
    const double x = topLeft.x() + 4;
    const double w = width - 8;
    const QFont head = FigureStyle::font(13, true);
    const QFont body = FigureStyle::font(12);
    const double line = QFontMetricsF(body).height() + 4;
    auto heading = [&](const QString &text) {
        p.setFont(head);
        p.setPen(QColor(0x20, 0x20, 0x20));
        p.drawText(QRectF(x, y, w, line), Qt::AlignLeft | Qt::AlignVCenter, text);
        y += line + 2;
        p.setFont(body);
    };
    auto text = [&](double indent, const QString &t) {
        p.setPen(QColor(0x30, 0x30, 0x30));
        const QRectF r = p.fontMetrics().boundingRect(
                QRect(0, 0, int(w - indent), 1000), Qt::TextWordWrap, t);
        p.drawText(QRectF(x + indent, y, w - indent, std::max(line, r.height() + 4.0)),
                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter,
                   t);
        y += std::max(line, r.height() + 4.0);
    };
    // Roles present.
    QStringList roles;
    bool products = false;
    bool sectors = false;
    for (const NetworkNode &n : m_graph.nodes) {
        products = products || n.productId;
        sectors = sectors || n.sectorId;
        for (const QString &r : n.roles)
            if (!roles.contains(r))
                roles << r;
    }
    std::sort(roles.begin(), roles.end(), [](const QString &a, const QString &b) {
        return Vocabulary::roles().indexOf(a) < Vocabulary::roles().indexOf(b);
    });
    heading(QStringLiteral("Organizations (colour = role)"));
    for (const QString &r : roles) {
        p.setPen(Qt::NoPen);
        p.setBrush(FigureStyle::roleColor(r));
        p.drawEllipse(QPointF(x + 8, y + line / 2), 6, 6);
        text(22, Vocabulary::label(r));
    }
    p.setPen(QPen(QColor(0x20, 0x20, 0x20), 1));
    for (int k = 0; k < 2; ++k) {
        p.setBrush(FigureStyle::roleColor(Vocabulary::roles().at(k == 0 ? 0 : 4)));
        p.drawPie(QRectF(x + 2, y + line / 2 - 6, 12, 12), 90 * 16 - k * 180 * 16, -180 * 16);
    }
    text(22, QStringLiteral("several roles: split ring"));
    if (products) {
        p.setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
        p.setBrush(FigureStyle::tieKindColor(QStringLiteral("platform")));
        p.drawRect(QRectF(x + 3, y + line / 2 - 5, 10, 10));
        text(22, QStringLiteral("platform or product"));
    }
    if (sectors) {
        p.setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
        p.setBrush(FigureStyle::tieKindColor(QStringLiteral("serves")).lighter(150));
        p.drawPolygon(FigureStyle::diamond(QPointF(x + 8, y + line / 2), 6));
        text(22, QStringLiteral("industry sector"));
    }
    double maxMeasure = 0;
    for (const NetworkNode &n : m_graph.nodes)
        maxMeasure = std::max(maxMeasure, n.measure);
    text(0,
         QStringLiteral("Size: %1 (largest: %2)")
                 .arg(measureName(m_measure), Amount::formatNumber(maxMeasure)));
    y += 6;

    QStringList kinds;
    for (const NetworkEdge &e : m_graph.edges)
        if (!kinds.contains(e.kind))
            kinds << e.kind;
    heading(QStringLiteral("Ties (arrow: direction)"));
    auto sample = [&](const QColor &c, Qt::PenStyle style, double width, const QString &label) {
        p.setPen(QPen(c, width, style, Qt::FlatCap));
        p.drawLine(QPointF(x, y + line / 2), QPointF(x + 18, y + line / 2));
        text(26, label);
    };
    for (const QString &k : Vocabulary::tieKinds() + QStringList{QStringLiteral("platform")}) {
        if (!kinds.contains(k))
            continue;
        static const QHash<QString, QString> labels{
                {QStringLiteral("hosting"), QStringLiteral("hosting: vendor \u2192 client")},
                {QStringLiteral("investment"),
                 QStringLiteral("investment: investor \u2192 investee")},
                {QStringLiteral("chip_order"), QStringLiteral("chip order: buyer \u2192 supplier")},
                {QStringLiteral("partnership"), QStringLiteral("partnership")},
                {QStringLiteral("ownership"),
                 QStringLiteral("ownership: parent \u2192 subsidiary")},
                {QStringLiteral("backing"),
                 QStringLiteral("backing (nature not stated): backer \u2192 backed")},
                {QStringLiteral("compatibility"),
                 QStringLiteral("compatibility: platform \u2192 chip vendor")},
                {QStringLiteral("serves"), QStringLiteral("serves: vendor \u2192 sector")},
                {QStringLiteral("platform"), QStringLiteral("platform: owner \u2192 product")}};
        sample(FigureStyle::tieKindColor(k), Qt::SolidLine, 2.5, labels.value(k));
    }
    bool atRisk = false;
    bool cancelled = false;
    for (const NetworkEdge &e : m_graph.edges) {
        atRisk = atRisk || e.status == QLatin1String("at_risk");
        cancelled = cancelled || e.status == QLatin1String("cancelled");
    }
    if (atRisk)
        sample(FigureStyle::tieKindColor(QStringLiteral("chip_order")),
               Qt::DashDotLine,
               2,
               QStringLiteral("dash-dot: chip order at risk"));
    if (cancelled)
        sample(QColor(0x88, 0x88, 0x88),
               Qt::DashDotLine,
               2,
               QStringLiteral("grey dash-dot \u00D7: cancelled"));
    text(0, QStringLiteral("Width: amount (disclosed, in USD)"));
    y += 6;
    // Evidence: one line style per grade, with how many of the ties shown have it.
    const FigureStyle::EvidenceCounts counts = evidenceCounts();
    heading(QStringLiteral("Evidence (line style)"));
    for (EvidenceGrade g : kEvidenceGrades)
        sample(withAlpha(QColor(0x55, 0x55, 0x55), FigureStyle::evidenceOpacity(g)),
               FigureStyle::evidencePenStyle(g),
               2,
               QStringLiteral("%1: %2 (%3)")
                       .arg(evidenceGradeStyleLabel(g), FigureStyle::evidenceGradeDescription(g))
                       .arg(counts.of(g)));
    if (m_options.asOf.isValid() && !m_options.isRange()) {
        p.setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(x + 8, y + line / 2), 6, 6);
        p.setFont(FigureStyle::font(9, true));
        p.drawText(QRectF(x + 2, y + line / 2 - 6, 12, 12), Qt::AlignCenter, QStringLiteral("?"));
        p.setFont(body);
        text(22, QStringLiteral("start date unknown: shown at every date"));
    }
    if (m_compareFrom.isValid()) {
        y += 6;
        heading(QStringLiteral("Changes since %1").arg(m_compareFrom.toString(Qt::ISODate)));
        sample(changeSample(QStringLiteral("added"), 110),
               Qt::SolidLine,
               8,
               QStringLiteral("added (%1)").arg(m_added.size()));
        sample(changeSample(QStringLiteral("changed"), 130),
               Qt::SolidLine,
               8,
               QStringLiteral("status changed (%1)").arg(m_changed.size()));
        sample(changeSample(QStringLiteral("removed"), 170),
               Qt::DashLine,
               2,
               QStringLiteral("ended (%1)").arg(m_removed.size()));
    }
    y += 6;
    heading(QStringLiteral("Labels"));
    text(0,
         hiddenLabels > 0
                 ? QStringLiteral("Placed by importance (size, then ties); %1 hidden where "
                                  "they would overlap or the node is too small to see.")
                           .arg(hiddenLabels)
                 : QStringLiteral("All labels shown."));
    p.restore();
    return y - topLeft.y();
}

void NetworkFigure::paint(QPainter &p, const QRectF &target, const QTransform &view) const
{
    const Frame f = frame(target);
    FigureStyle::paintFrame(p, target, title(), subtitle(), footer(), FigureStyle::kMaxFooterShare);
    const QTransform t = fitTransform(f.plot) * view;
    const double scale = std::sqrt(std::abs(t.determinant()));
    p.save();
    // Edges, nodes and labels are clipped alike to the plot, which never reaches under the
    // legend column; labels are placed only for nodes whose centre is inside it.
    p.setClipRect(f.plot, Qt::IntersectClip);
    paintChanges(p, t, scale);
    paintEdges(p, t, scale);
    paintNodes(p, t, scale);
    const QList<LabelPlacer::Placement> placed = placeLabels(t, f.plot);
    int hidden = 0;
    p.setFont(FigureStyle::font(kLabelSize));
    for (int i = 0; i < placed.size(); ++i) {
        if (!placed[i].placed) {
            if (f.plot.contains(t.map(m_positions[i])))
                ++hidden; // nodes panned out of the plot are not "hidden labels"
            continue;
        }
        const QColor ink = withAlpha(QColor(0x20, 0x20, 0x20), isFaded(i) ? 0.25 : 1.0);
        // A leader line when the label had to move away from its node.
        const QPointF c = t.map(m_positions[i]);
        const double r = m_graph.nodes[i].radius * scale;
        const QRectF &box = placed[i].rect;
        const QPointF nearest(std::clamp(c.x(), box.left(), box.right()),
                              std::clamp(c.y(), box.top(), box.bottom()));
        const QLineF leader(c, nearest);
        if (leader.length() > r + 6) { // beyond the first ring: show whose label it is
            p.setPen(QPen(withAlpha(QColor(0x80, 0x80, 0x80), isFaded(i) ? 0.2 : 0.8), 0.8));
            p.drawLine(c + (nearest - c) * (r / leader.length()), nearest);
        }
        // A light halo keeps the text legible where edges pass under it.
        p.fillRect(box, withAlpha(Qt::white, isFaded(i) ? 0.4 : 0.8));
        p.setPen(ink);
        p.drawText(box,
                   Qt::AlignCenter,
                   FigureStyle::plainText(labelOf(i), FigureStyle::kMaxLabelLength));
    }
    p.restore();
    // The legend is recorded first, then drawn scaled down if the column is too short for it.
    FigureStyle::paintFitted(p, f.legend, kLegendWidth, 12, [&](QPainter &lp, double width) {
        return paintLegend(lp, QPointF(0, 0), width, hidden);
    });
}

int NetworkFigure::nodeAt(const QPointF &pos, const QRectF &target, const QTransform &view) const
{
    const QTransform t = fitTransform(frame(target).plot) * view;
    const double scale = std::sqrt(std::abs(t.determinant()));
    for (int i = int(m_graph.nodes.size()) - 1; i >= 0; --i) {
        const QPointF c = t.map(m_positions[i]);
        const double r = m_graph.nodes[i].radius * scale + 2;
        if (QLineF(c, pos).length() <= r)
            return i;
    }
    return -1;
}

} // namespace EcoAtlas
