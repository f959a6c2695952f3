// SPDX-License-Identifier: MIT
#include "SphereFigure.h"

#include "FigureStyle.h"
#include "OrganizationDetails.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <QPainter>

#include <cmath>

namespace EcoAtlas {

namespace {
constexpr double kMaxFitScale = 1.5;
constexpr double kMargin = 20;

QColor alpha(QColor c, double a)
{
    c.setAlphaF(float(a));
    return c;
}

bool isIndustryClient(const Organization *o)
{
    return o && o->roles.contains(QStringLiteral("industry_client"))
           && !o->roles.contains(QStringLiteral("model_developer"));
}
} // namespace

SphereFigure::SphereFigure(const SphereMapModel &model, FigureOptions options)
    : m_model(model)
    , m_options(std::move(options))
{}

void SphereFigure::setChanges(const QSet<RowId> &added, const QSet<RowId> &removed, QDate from)
{
    m_joined.clear();
    m_left.clear();
    m_compareFrom = from;
    QSet<RowId> owners;
    for (const SphereInput::Owner &o : m_model.input().owners)
        owners.insert(o.id);
    for (const Tie &t : m_model.landscape().ties) {
        const bool a = added.contains(t.id), r = removed.contains(t.id);
        if (!a && !r)
            continue;
        const bool fromOwner = owners.contains(t.fromId), toOwner = owners.contains(t.toId);
        if (fromOwner == toOwner)
            continue;
        (a ? m_joined : m_left).insert(t.sectorId ? -t.sectorId : fromOwner ? t.toId : t.fromId);
    }
}

double SphereFigure::markRadius(int i) const
{
    const double reserved = m_model.geometry().clientRadii.value(i);
    if (m_model.clientMeasure() == SphereMapModel::ClientMeasure::None)
        return reserved;
    const double most = m_model.maxClientValue();
    const double share = most > 0 ? std::sqrt(m_model.clientValue(i) / most) : 0;
    return std::min(reserved, 4 + 8 * share);
}

bool SphereFigure::isFigureAbout(const Figure &figure, const QString &ownerRole)
{
    const QString &m = figure.metric;
    auto has = [&m](const char *word) {
        return m.contains(QLatin1String(word));
    };
    if (ownerRole == QLatin1String("cloud_vendor"))
        return has("client") || has("market") || has("companies");
    if (ownerRole == QLatin1String("investor"))
        return has("invest") || has("portfolio");
    if (ownerRole == QLatin1String("chip_vendor"))
        return has("order") || has("chips_sold") || has("shipments");
    return false;
}

QColor SphereFigure::ownerColor(int i)
{
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2),
                                     QColor(0xD5, 0x5E, 0x00),
                                     QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7),
                                     QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x56, 0xB4, 0xE9),
                                     QColor(0x88, 0x22, 0x55),
                                     QColor(0x44, 0xAA, 0x99),
                                     QColor(0x11, 0x77, 0x33),
                                     QColor(0x33, 0x22, 0x88),
                                     QColor(0x99, 0x99, 0x33),
                                     QColor(0xAA, 0x44, 0x99)};
    return palette[i % int(std::size(palette))];
}

SphereMapModel::LabelMeasure SphereFigure::labelMeasure()
{
    return [](const QString &text, bool owner) {
        const QFontMetricsF fm(FigureStyle::font(owner ? kOwnerFont : kClientFont, owner));
        return QSizeF(
                fm.horizontalAdvance(FigureStyle::plainText(text, FigureStyle::kMaxLabelLength))
                        + 4,
                fm.height());
    };
}

QString SphereFigure::title() const
{
    if (!m_options.title.isEmpty())
        return m_options.title;
    const QString role = Vocabulary::label(m_model.ownerRole()).toLower();
    // "Clients" only when every membership is a client relation (hosting, investment, chip
    // order); backing of unstated nature and sectors served are not clients.
    const QSet<QString> kinds = m_model.membershipKinds();
    const bool clientsOnly = !kinds.contains(QStringLiteral("backing"))
                             && !kinds.contains(QStringLiteral("serves"))
                             && !kinds.contains(QStringLiteral("partnership"))
                             && !kinds.contains(QStringLiteral("ownership"))
                             && !kinds.contains(QStringLiteral("compatibility"));
    return clientsOnly
                   ? QStringLiteral("Spheres of influence: %1s and their clients").arg(role)
                   : QStringLiteral("Spheres of influence: %1s and who they host, back or serve")
                             .arg(role);
}

QString SphereFigure::subtitle() const
{
    const QString when = m_options.dateText();
    int shared = 0;
    for (const SphereInput::Client &c : m_model.input().clients)
        shared += c.owners.size() > 1 ? 1 : 0;
    const QString generated = QStringLiteral("%1 owners, %2 members, %3 with several \u00B7 %4")
                                      .arg(m_model.input().owners.size())
                                      .arg(m_model.input().clients.size())
                                      .arg(shared)
                                      .arg(when);
    if (m_options.subtitle.isEmpty())
        return generated;
    return m_options.asOf.isValid() ? m_options.subtitle + QStringLiteral(" \u00B7 ") + when
                                    : m_options.subtitle;
}

QStringList SphereFigure::footer() const
{
    const Landscape &l = m_model.landscape();
    QList<RowId> cited;
    const QList<RowId> shown = m_model.membershipTies();
    const QSet<RowId> memberships(shown.begin(), shown.end());
    for (const Tie &t : l.ties)
        if (memberships.contains(t.id))
            for (RowId s : t.sourceIds)
                if (!cited.contains(s))
                    cited.append(s);
    QStringList entries;
    for (RowId id : cited)
        if (const Source *s = l.source(id))
            entries << OrganizationDetails::sourceCitation(l, *s);
    FigureStyle::EvidenceCounts counts;
    QStringList caveats;
    for (const Tie &t : l.ties) {
        if (!memberships.contains(t.id))
            continue;
        counts.add(t.evidence.grade);
        if (!t.evidence.caveat.isEmpty())
            caveats << QStringLiteral("%1 \u2192 %2: %3")
                               .arg(l.organizationName(t.fromId),
                                    l.tieTargetName(t),
                                    t.evidence.caveat);
    }
    QStringList lines{QStringLiteral("Sources: %1")
                              .arg(entries.isEmpty() ? QStringLiteral("none shown")
                                                     : entries.join(QStringLiteral("; "))),
                      counts.footerLine(QStringLiteral("memberships"))};
    if (!caveats.isEmpty())
        lines << QStringLiteral("Caveats: %1").arg(caveats.join(QStringLiteral("; ")));
    return lines
           + QStringList{QStringLiteral(
                   "Each member sits inside the regions of exactly the owners it is tied "
                   "to. Made with EcoAtlas.")};
}

SphereFigure::Frame SphereFigure::frame(const QRectF &target) const
{
    const auto [plot, legend] = FigureStyle::splitLegend(
            FigureStyle::contentRect(
                    target, title(), subtitle(), footer(), FigureStyle::kMaxFooterShare),
            kLegendWidth);
    return {plot, legend};
}

QTransform SphereFigure::fitTransform(const QRectF &plot) const
{
    return FigureStyle::fitTransform(
            m_model.geometry().bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin),
            plot,
            kMaxFitScale);
}

QSizeF SphereFigure::naturalSize() const
{
    const QRectF b = m_model.geometry().bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    const double w = std::max(900.0, b.width() + kLegendWidth + 12 + 2 * FigureStyle::kMargin);
    const double frameH = FigureStyle::frameHeight(w, title(), subtitle(), footer());
    // Tall enough that the whole footer fits its share (kMaxFooterShare) of the height.
    const double footerRoom = FigureStyle::footerHeight(w, footer()) / FigureStyle::kMaxFooterShare;
    return QSizeF(
            std::ceil(w),
            std::ceil(std::max({620.0, std::max(b.height(), 520.0) + frameH, footerRoom + 1})));
}

void SphereFigure::paint(QPainter &p, const QRectF &target, const QTransform &view) const
{
    const Frame f = frame(target);
    FigureStyle::paintFrame(p, target, title(), subtitle(), footer(), FigureStyle::kMaxFooterShare);
    const SphereGeometry &g = m_model.geometry();
    const SphereInput &in = m_model.input();
    const QTransform t = fitTransform(f.plot) * view;
    const double s = std::sqrt(std::abs(t.determinant()));
    const RowId selected = m_options.selected;

    p.save();
    p.setClipRect(f.plot, Qt::IntersectClip);
    // Regions: translucent fills first (so overlaps mix), then outlines on top.
    for (int o = 0; o < g.regions.size(); ++o) {
        const QPainterPath path = t.map(g.regionPath(o));
        p.setPen(Qt::NoPen);
        p.setBrush(alpha(ownerColor(o), 0.16));
        p.drawPath(path);
    }
    for (int o = 0; o < g.regions.size(); ++o) {
        const QPainterPath path = t.map(g.regionPath(o));
        const bool isSelected = selected && in.owners[o].id == selected;
        p.setPen(QPen(alpha(ownerColor(o), 0.9), (isSelected ? 3.5 : 1.8) * std::max(0.6, s)));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    if (!g.apartArea.isNull()) {
        const QRectF area = t.mapRect(g.apartArea);
        p.setPen(QPen(QColor(0xA0, 0xA0, 0xA0), 1, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(area, 6, 6);
        p.setFont(FigureStyle::font(11 * std::max(0.6, s)));
        p.setPen(QColor(0x70, 0x70, 0x70));
        const QString role = Vocabulary::label(m_model.ownerRole()).toLower();
        const double h = QFontMetricsF(p.font()).height();
        p.drawText(QRectF(area.left() + 6, area.top() - h - 2, std::max(area.width(), 300.0), h),
                   Qt::AlignLeft | Qt::AlignBottom,
                   QStringLiteral("Tied to no %1").arg(role));
    }
    // Owner labels.
    p.setFont(FigureStyle::font(kOwnerFont * s, true));
    for (int o = 0; o < g.ownerLabels.size(); ++o) {
        if (g.ownerLabels[o].isNull())
            continue;
        p.setPen(ownerColor(o).darker(130));
        p.drawText(t.mapRect(g.ownerLabels[o]),
                   Qt::AlignCenter,
                   FigureStyle::plainText(m_model.labelOf(in.owners[o].id),
                                          FigureStyle::kMaxLabelLength));
    }
    // Client marks and labels.
    const Landscape &l = m_model.landscape();
    for (int c = 0; c < g.clientPositions.size(); ++c) {
        const QPointF centre = t.map(g.clientPositions[c]);
        const double r = markRadius(c) * s;
        const Organization *org = l.organization(in.clients[c].id);
        const bool isSelected = selected && in.clients[c].id == selected;
        const bool industry = m_model.sectorOf(in.clients[c].id) || isIndustryClient(org);
        // The outline carries the least sure grade of the client's memberships.
        const EvidenceGrade grade = m_model.clientGrade(c);
        const double opacity = FigureStyle::evidenceOpacity(grade);
        p.setPen(QPen(alpha(isSelected ? QColor(0, 0, 0) : QColor(0x22, 0x22, 0x22), opacity),
                      isSelected ? 3 : (grade == EvidenceGrade::Reported ? 1.2 : 1.8),
                      FigureStyle::evidencePenStyle(grade)));
        p.setBrush(industry ? QColor(Qt::white) : alpha(QColor(0x33, 0x33, 0x33), opacity));
        if (m_model.sectorOf(in.clients[c].id))
            p.drawPolygon(FigureStyle::diamond(centre, r * 1.25));
        else
            p.drawEllipse(centre, r, r);
        const bool joined = m_joined.contains(in.clients[c].id);
        if (joined || m_left.contains(in.clients[c].id)) {
            p.setPen(QPen(FigureStyle::changeColor(joined ? QStringLiteral("added")
                                                          : QStringLiteral("removed")),
                          2.5));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(centre, r + 3, r + 3);
        }
    }
    p.setFont(FigureStyle::font(kClientFont * s));
    p.setPen(QColor(0x20, 0x20, 0x20));
    for (int c = 0; c < g.clientLabels.size(); ++c) {
        if (g.clientLabelHidden.value(c) || g.clientLabels[c].isNull())
            continue;
        p.drawText(t.mapRect(g.clientLabels[c]),
                   Qt::AlignCenter,
                   FigureStyle::plainText(m_model.labelOf(in.clients[c].id),
                                          FigureStyle::kMaxLabelLength));
    }
    p.restore();

    FigureStyle::paintFitted(p, f.legend, kLegendWidth, 11, [&](QPainter &lp, double width) {
        return paintLegend(lp, QPointF(0, 0), width);
    });
}

double SphereFigure::paintLegend(QPainter &p, const QPointF &topLeft, double width) const
{
    const SphereInput &in = m_model.input();
    const Landscape &l = m_model.landscape();
    double y = topLeft.y();
    const double x = topLeft.x() + 4;
    const double w = width - 8;
    const QFont head = FigureStyle::font(13, true);
    const QFont body = FigureStyle::font(12);
    const QFont small = FigureStyle::font(11);
    auto block = [&](const QFont &font, double indent, const QString &text, const QColor &ink) {
        p.setFont(font);
        p.setPen(ink);
        const QRectF r = QFontMetricsF(font).boundingRect(
                QRectF(0, 0, w - indent, 1000), Qt::TextWordWrap, text);
        p.drawText(QRectF(x + indent, y, w - indent, r.height()), Qt::TextWordWrap, text);
        y += r.height() + 3;
    };
    block(head,
          0,
          QStringLiteral("Spheres (%1s)").arg(Vocabulary::label(m_model.ownerRole()).toLower()),
          QColor(0x20, 0x20, 0x20));
    for (int o = 0; o < in.owners.size(); ++o) {
        int clients = 0;
        for (const SphereInput::Client &c : in.clients)
            clients += c.owners.contains(o) ? 1 : 0;
        p.setPen(QPen(ownerColor(o), 1.5));
        p.setBrush(alpha(ownerColor(o), 0.25));
        p.drawRoundedRect(QRectF(x, y + 2, 14, 12), 4, 4);
        block(body,
              20,
              QStringLiteral("%1: %2")
                      .arg(m_model.labelOf(in.owners[o].id))
                      .arg(clients == 0 ? QStringLiteral("none") : membershipSummary(o)),
              QColor(0x20, 0x20, 0x20));
        // What is said about the owner's sphere (a claim marked as such) — only on a map of the
        // kind the figure is about: a cloud-market share is no fact about an investor.
        for (const Figure &fig : l.figures) {
            if (fig.subjectId != in.owners[o].id || !fig.value.value
                || !isFigureAbout(fig, m_model.ownerRole()))
                continue;
            block(small,
                  20,
                  QStringLiteral("%1 %2%3").arg(
                          fig.value.toDisplayString(fig.unit),
                          QStringLiteral("(%1)").arg(
                                  evidenceGradeLabel(fig.evidence.grade).toLower()),
                          fig.asOf.isValid() ? QStringLiteral(", ") + fig.asOf.toDisplayString()
                                             : QString()),
                  QColor(0x50, 0x50, 0x50));
        }
    }
    y += 6;
    block(head, 0, QStringLiteral("Members"), QColor(0x20, 0x20, 0x20));
    p.setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
    p.setBrush(QColor(0x33, 0x33, 0x33));
    p.drawEllipse(QPointF(x + 7, y + 8), 6, 6);
    block(body, 20, QStringLiteral("model developer"), QColor(0x20, 0x20, 0x20));
    p.setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(x + 7, y + 8), 6, 6);
    block(body, 20, QStringLiteral("industry client"), QColor(0x20, 0x20, 0x20));
    bool anySector = false;
    FigureStyle::EvidenceCounts counts;
    for (int c = 0; c < in.clients.size(); ++c) {
        anySector = anySector || m_model.sectorOf(in.clients[c].id);
        counts.add(m_model.clientGrade(c));
    }
    if (anySector) {
        p.setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
        p.setBrush(Qt::white);
        p.drawPolygon(FigureStyle::diamond(QPointF(x + 7, y + 8), 7));
        block(body, 20, QStringLiteral("industry sector served"), QColor(0x20, 0x20, 0x20));
    }
    y += 4;
    block(head,
          0,
          QStringLiteral("Evidence (mark outline: its least sure tie)"),
          QColor(0x20, 0x20, 0x20));
    for (EvidenceGrade g : kEvidenceGrades) {
        p.setPen(QPen(alpha(QColor(0x22, 0x22, 0x22), FigureStyle::evidenceOpacity(g)),
                      g == EvidenceGrade::Reported ? 1.2 : 1.8,
                      FigureStyle::evidencePenStyle(g)));
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(x + 7, y + 8), 6, 6);
        block(body,
              20,
              QStringLiteral("%1: %2 (%3 members)")
                      .arg(evidenceGradeStyleLabel(g), FigureStyle::evidenceGradeDescription(g))
                      .arg(counts.of(g)),
              QColor(0x20, 0x20, 0x20));
    }
    if (m_model.clientMeasure() != SphereMapModel::ClientMeasure::None) {
        const double most = m_model.maxClientValue();
        const bool money = m_model.clientMeasure() == SphereMapModel::ClientMeasure::MoneyRaised;
        block(small,
              0,
              QStringLiteral("Size: %1 (largest %2)")
                      .arg(money ? QStringLiteral("money raised, disclosed, USD")
                                 : QStringLiteral("chips ordered, disclosed units"),
                           Amount::formatNumber(most)),
              QColor(0x50, 0x50, 0x50));
    }
    y += 4;
    block(small,
          0,
          QStringLiteral("A member inside several regions is tied to each of those owners "
                         "(multi-vendor, \u201Cstrategic ambiguity\u201D)."),
          QColor(0x50, 0x50, 0x50));
    return y - topLeft.y();
}

int SphereFigure::ownerAt(const QPointF &pos, const QRectF &target, const QTransform &view) const
{
    const QTransform t = fitTransform(frame(target).plot) * view;
    bool ok = false;
    const QPointF at = t.inverted(&ok).map(pos);
    if (!ok)
        return -1;
    const SphereGeometry &g = m_model.geometry();
    for (int o = 0; o < g.ownerLabels.size(); ++o)
        if (g.ownerLabels[o].contains(at))
            return o;
    int best = -1;
    double bestArea = 0;
    for (int o = 0; o < g.regions.size(); ++o) {
        if (!g.regionContains(o, at))
            continue;
        const QRectF b = g.regionPath(o).boundingRect();
        const double area = b.width() * b.height();
        if (best < 0 || area < bestArea) {
            best = o;
            bestArea = area;
        }
    }
    return best;
}

int SphereFigure::clientAt(const QPointF &pos, const QRectF &target, const QTransform &view) const
{
    const QTransform t = fitTransform(frame(target).plot) * view;
    bool ok = false;
    const QPointF at = t.inverted(&ok).map(pos);
    if (!ok)
        return -1;
    const SphereGeometry &g = m_model.geometry();
    for (int c = 0; c < g.clientPositions.size(); ++c) {
        if (QLineF(at, g.clientPositions[c]).length() <= g.clientRadii[c] + 2)
            return c;
        if (!g.clientLabelHidden.value(c) && g.clientLabels[c].contains(at))
            return c;
    }
    return -1;
}

QJsonObject SphereFigure::geometryJson(const QRectF &target) const
{
    const QTransform t = fitTransform(frame(target).plot);
    QJsonObject json = toJson(m_model.geometry().transformed(t), m_model.input());
    QJsonObject names;
    const SphereInput &in = m_model.input();
    for (const SphereInput::Owner &o : in.owners)
        names.insert(QString::number(o.id), m_model.labelOf(o.id));
    for (const SphereInput::Client &c : in.clients)
        names.insert(QString::number(c.id), m_model.labelOf(c.id));
    json.insert(QStringLiteral("names"), names);
    json.insert(QStringLiteral("ownerRole"), m_model.ownerRole());
    json.insert(QStringLiteral("asOf"),
                m_options.asOf.isValid() ? QJsonValue(m_options.asOf.toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("size"), QJsonArray{target.width(), target.height()});
    return json;
}

QString SphereFigure::clientToolTip(int i) const
{
    const SphereInput &in = m_model.input();
    if (const Sector *x = m_model.sectorOf(in.clients.at(i).id)) {
        QStringList owners;
        for (int k : in.clients[i].owners)
            if (const Organization *w = m_model.landscape().organization(in.owners[k].id))
                owners << w->nameEn;
        return (QStringList{x->nameEn,
                            x->nameZh,
                            QStringLiteral("Industry sector"),
                            QStringLiteral("Served by: %1").arg(owners.join(QStringLiteral(", ")))}
                + membershipLines(in.clients.at(i).id))
                .join(QLatin1Char('\n'));
    }
    const Organization *o = m_model.landscape().organization(in.clients.at(i).id);
    if (!o)
        return {};
    QStringList owners;
    for (int k : in.clients[i].owners)
        if (const Organization *w = m_model.landscape().organization(in.owners[k].id))
            owners << w->nameEn;
    QStringList lines{o->nameEn};
    if (!o->nameZh.isEmpty() && o->nameZh != o->nameEn)
        lines << o->nameZh;
    lines << (owners.isEmpty() ? QStringLiteral("Tied to no %1")
                                         .arg(Vocabulary::label(m_model.ownerRole()).toLower())
                               : QStringLiteral("In the sphere of: %1")
                                         .arg(owners.join(QStringLiteral(", "))));
    lines << membershipLines(in.clients.at(i).id);
    return lines.join(QLatin1Char('\n'));
}

QString SphereFigure::membershipSummary(int owner) const
{
    const Landscape &l = m_model.landscape();
    const RowId ownerId = m_model.ownerId(owner);
    // Distinct members per kind, in vocabulary order.
    QHash<QString, QSet<qint64>> members;
    for (RowId id : m_model.membershipTies()) {
        const Tie *t = l.tie(id);
        if (!t || (t->fromId != ownerId && t->toId != ownerId))
            continue;
        members[t->kind].insert(t->sectorId            ? -t->sectorId
                                : t->fromId == ownerId ? t->toId
                                                       : t->fromId);
    }
    QStringList parts;
    for (const QString &kind : Vocabulary::tieKinds()) {
        const qsizetype n = members.value(kind).size();
        if (n == 0)
            continue;
        if (kind == QLatin1String("hosting"))
            parts << QStringLiteral("hosts %1").arg(n);
        else if (kind == QLatin1String("backing"))
            parts << QStringLiteral("backs %1").arg(n);
        else if (kind == QLatin1String("serves"))
            parts << (n == 1 ? QStringLiteral("serves 1 sector")
                             : QStringLiteral("serves %1 sectors").arg(n));
        else if (kind == QLatin1String("investment"))
            parts << QStringLiteral("%1 in investment ties").arg(n);
        else if (kind == QLatin1String("chip_order"))
            parts << (n == 1 ? QStringLiteral("1 buyer") : QStringLiteral("%1 buyers").arg(n));
        else
            parts << QStringLiteral("%1 by %2").arg(n).arg(Vocabulary::label(kind).toLower());
    }
    return parts.join(QStringLiteral(", "));
}

QStringList SphereFigure::membershipLines(qint64 clientId) const
{
    const Landscape &l = m_model.landscape();
    const QList<RowId> ids = m_model.membershipTies();
    QStringList lines;
    for (RowId id : ids) {
        const Tie *t = l.tie(id);
        if (!t)
            continue;
        const bool mine = clientId < 0 ? t->sectorId == -clientId
                                       : (t->toId == clientId || t->fromId == clientId);
        if (!mine)
            continue;
        const RowId owner = clientId < 0 || t->toId == clientId ? t->fromId : t->toId;
        QString line = QStringLiteral("\u2022 %1: %2")
                               .arg(l.organizationName(owner),
                                    Vocabulary::label(t->kind).toLower());
        const QString evidence = l.evidenceText(t->evidence);
        if (!evidence.isEmpty())
            line += QStringLiteral(" [%1]").arg(evidence);
        lines << line;
    }
    return lines;
}

QString SphereFigure::ownerToolTip(int i) const
{
    const Organization *o = m_model.landscape().organization(m_model.input().owners.at(i).id);
    if (!o)
        return {};
    QStringList lines{o->nameEn};
    if (!o->nameZh.isEmpty() && o->nameZh != o->nameEn)
        lines << o->nameZh;
    lines << QStringLiteral("Drag to move this sphere");
    return lines.join(QLatin1Char('\n'));
}

} // namespace EcoAtlas
