// SPDX-License-Identifier: MIT
#include "OrganizationDetails.h"

#include <QUrl>

namespace EcoAtlas::OrganizationDetails {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString name(const Landscape &l, RowId id)
{
    const Organization *o = l.organization(id);
    return o ? o->nameEn : QStringLiteral("?");
}

QString verb(const Tie &t, bool outgoing)
{
    if (t.kind == QLatin1String("hosting"))
        return outgoing ? QStringLiteral("hosts") : QStringLiteral("hosted by");
    if (t.kind == QLatin1String("investment"))
        return outgoing ? QStringLiteral("invested in") : QStringLiteral("funded by");
    if (t.kind == QLatin1String("chip_order"))
        return outgoing ? QStringLiteral("ordered chips from") : QStringLiteral("chip order from");
    if (t.kind == QLatin1String("ownership"))
        return outgoing ? QStringLiteral("owns") : QStringLiteral("owned by");
    if (t.kind == QLatin1String("backing"))
        return outgoing ? QStringLiteral("backs") : QStringLiteral("backed by");
    if (t.kind == QLatin1String("compatibility"))
        return outgoing ? QStringLiteral("compatible with chips of")
                        : QStringLiteral("chips supported by");
    if (t.kind == QLatin1String("serves"))
        return QStringLiteral("serves the sector");
    return QStringLiteral("partnership with");
}

QString sourcesHtml(const Landscape &l, const QList<RowId> &ids)
{
    QStringList items;
    for (RowId id : ids) {
        const Source *s = l.source(id);
        if (!s)
            continue;
        QString item = esc(sourceCitation(l, *s));
        const QUrl url(s->url, QUrl::StrictMode);
        if (!s->url.isEmpty() && url.isValid()
            && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            item += QStringLiteral(" <a href=\"%1\">link</a>").arg(esc(url.toString()));
        items.append(item);
    }
    if (items.isEmpty())
        return QStringLiteral("<br><i>No source recorded.</i>");
    return QStringLiteral("<br><small>Sources: %1</small>").arg(items.join(QStringLiteral("; ")));
}

} // namespace

QString sourceCitation(const Landscape &l, const Source &s)
{
    QString text = s.publisher;
    if (!s.title.isEmpty())
        text += QStringLiteral(", \u201C%1\u201D").arg(s.title);
    if (s.date.isValid())
        text += QStringLiteral(", ") + s.date.toDisplayString();
    if (const Source *via = l.source(s.viaId))
        text += QStringLiteral(" (as cited by %1)").arg(via->publisher);
    return text;
}

QString tieSummary(const Landscape &l, const Tie &t, RowId orgId)
{
    const bool outgoing = t.fromId == orgId;
    const QString other = !outgoing    ? name(l, t.fromId)
                          : t.sectorId ? l.tieTargetName(t)
                                       : name(l, t.toId);
    QString text = QStringLiteral("%1 %2").arg(verb(t, outgoing), other);
    QStringList details;
    if (t.kind == QLatin1String("hosting") && !t.service.isEmpty())
        details << Vocabulary::label(t.service).toLower();
    const Product *product = l.product(t.productId);
    if (product && t.kind != QLatin1String("chip_order"))
        details << QStringLiteral("through %1").arg(product->nameEn);
    if (t.kind == QLatin1String("investment")) {
        details << t.amount.toDisplayString();
        if (t.lead && *t.lead)
            details << QStringLiteral("lead investor");
        if (!t.round.isEmpty())
            details << t.round;
    }
    if (t.kind == QLatin1String("chip_order")) {
        if (!t.chipModel.isEmpty())
            details << t.chipModel;
        else if (product)
            details << product->nameEn;
        if (t.units.value)
            details << t.units.toDisplayString(QStringLiteral("units"));
        details << QStringLiteral("value %1").arg(t.amount.toDisplayString());
        details << QStringLiteral("status: %1").arg(Vocabulary::label(t.status).toLower());
        if (t.delivery.isValid())
            details << QStringLiteral("delivery %1").arg(t.delivery.toDisplayString());
        if (const Deal *d = l.deal(t.dealId))
            details << QStringLiteral("part of: %1").arg(d->title)
                               + (d->parties == PartySet::Open ? QStringLiteral(
                                          " (the source names some buyers, not all)")
                                                               : QString());
    }
    if (t.kind == QLatin1String("ownership") && t.stake.value)
        details << QStringLiteral("stake %1")
                           .arg(t.stake.toDisplayString(QStringLiteral("percent")));
    if (t.kind == QLatin1String("compatibility") && !t.chipModel.isEmpty())
        details << t.chipModel;
    if (!details.isEmpty())
        text += QStringLiteral(" (%1)").arg(details.join(QStringLiteral(", ")));
    text += QStringLiteral(" \u2014 %1")
                    .arg(t.start.isValid() ? t.start.toDisplayString()
                                           : QStringLiteral("start date unknown"));
    if (t.end.isValid())
        text += QStringLiteral(" to %1").arg(t.end.toDisplayString());
    const QString evidence = l.evidenceText(t.evidence);
    if (!evidence.isEmpty())
        text += QStringLiteral(" [%1]").arg(evidence);
    return text;
}

QString toHtml(const Landscape &l, RowId orgId)
{
    const Organization *o = l.organization(orgId);
    if (!o)
        return {};
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(o->displayName()));
    QStringList facts;
    QStringList roles;
    for (const QString &r : o->roles)
        roles << Vocabulary::label(r);
    if (!roles.isEmpty())
        facts << QStringLiteral("<b>Roles:</b> %1").arg(esc(roles.join(QStringLiteral(", "))));
    if (!o->aliases.isEmpty())
        facts << QStringLiteral("<b>Also known as:</b> %1")
                         .arg(esc(o->aliases.join(QStringLiteral(", "))));
    if (const Organization *p = l.organization(o->parentId))
        facts << QStringLiteral("<b>Part of:</b> %1").arg(esc(p->displayName()));
    QStringList children;
    for (const Organization &c : l.organizations)
        if (c.parentId == o->id)
            children << c.nameEn;
    if (!children.isEmpty())
        facts << QStringLiteral("<b>Subsidiaries:</b> %1")
                         .arg(esc(children.join(QStringLiteral(", "))));
    if (!o->country.isEmpty())
        facts << QStringLiteral("<b>Country:</b> %1").arg(esc(o->country));
    if (!o->notes.isEmpty())
        facts << QStringLiteral("<b>Notes:</b> %1").arg(esc(o->notes));
    html += facts.join(QStringLiteral("<br>"));

    for (const QString &kind : Vocabulary::tieKinds()) {
        QStringList items;
        for (const Tie &t : l.ties) {
            if (t.kind != kind || (t.fromId != orgId && t.toId != orgId))
                continue;
            QString item = esc(tieSummary(l, t, orgId));
            if (!t.description.isEmpty())
                item += QStringLiteral("<br><span>%1</span>").arg(esc(t.description));
            item += sourcesHtml(l, t.sourceIds);
            items << QStringLiteral("<li>%1</li>").arg(item);
        }
        if (!items.isEmpty())
            html += QStringLiteral("<h4>%1 (%2)</h4><ul>%3</ul>")
                            .arg(esc(Vocabulary::label(kind)))
                            .arg(items.size())
                            .arg(items.join(QString()));
    }
    QStringList products;
    for (const Product &p : l.products) {
        if (p.ownerId != orgId)
            continue;
        QString item = esc(p.nameZh.isEmpty() ? p.nameEn
                                              : QStringLiteral("%1 (%2)").arg(p.nameEn, p.nameZh));
        item += QStringLiteral(" \u2014 %1").arg(esc(Vocabulary::label(p.kind).toLower()));
        if (p.launched.isValid())
            item += QStringLiteral(", launched %1").arg(esc(p.launched.toDisplayString()));
        products << QStringLiteral("<li>%1</li>").arg(item);
    }
    if (!products.isEmpty())
        html += QStringLiteral("<h4>Products and platforms (%1)</h4><ul>%2</ul>")
                        .arg(products.size())
                        .arg(products.join(QString()));
    QStringList figures;
    for (const Figure &f : l.figures) {
        if (f.subjectId != orgId)
            continue;
        QString item = esc(f.statement);
        QStringList meta;
        if (f.value.value)
            meta << f.value.toDisplayString(f.unit);
        meta << (f.asOf.isValid() ? QStringLiteral("as of %1").arg(f.asOf.toDisplayString())
                                  : QStringLiteral("date unknown"));
        if (f.parties == PartySet::Open)
            meta << QStringLiteral("names some parties, not all");
        const QString evidence = l.evidenceText(f.evidence);
        if (!evidence.isEmpty())
            meta << evidence;
        item += QStringLiteral(" <i>(%1)</i>").arg(esc(meta.join(QStringLiteral("; "))));
        item += sourcesHtml(l, f.sourceIds);
        figures << QStringLiteral("<li>%1</li>").arg(item);
    }
    if (!figures.isEmpty())
        html += QStringLiteral("<h4>Figures and claims (%1)</h4><ul>%2</ul>")
                        .arg(figures.size())
                        .arg(figures.join(QString()));
    return html;
}

} // namespace EcoAtlas::OrganizationDetails
