// SPDX-License-Identifier: MIT
#include "TimelineAggregation.h"

#include "CurrencyRates.h"
#include "LandscapeTableModels.h"
#include "NetworkGraph.h"
#include "OrganizationDetails.h"
#include "TieComparison.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace EcoAtlas::TimelineAggregation {

namespace {

const QDate kEpoch(1970, 1, 1);

QString orgName(const Landscape &l, RowId id, const FigureOptions &figure)
{
    if (id == 0)
        return QStringLiteral("Market as a whole");
    const Organization *o = l.organization(id);
    return o ? figure.name(*o) : QStringLiteral("(unknown organization)");
}

/// Ties by id, for the ids read from a model's rows.
QHash<RowId, const Tie *> tieIndex(const Landscape &l)
{
    QHash<RowId, const Tie *> out;
    out.reserve(l.ties.size());
    for (const Tie &t : l.ties)
        out.insert(t.id, &t);
    return out;
}

QList<const Tie *> tiesOfKind(const Landscape &l, const QList<RowId> &ids, const QString &kind)
{
    const QHash<RowId, const Tie *> index = tieIndex(l);
    QList<const Tie *> out;
    QSet<RowId> seen;
    for (RowId id : ids) {
        const Tie *t = index.value(id);
        if (t && t->kind == kind && !seen.contains(id)) {
            seen.insert(id);
            out.append(t);
        }
    }
    return out;
}

/// `a` expressed in `currency`, keeping the qualifier; nullopt without a value or a rate.
std::optional<Amount> converted(const Amount &a, const QString &currency)
{
    if (!a.value || a.currency.isEmpty())
        return std::nullopt;
    const std::optional<double> v = CurrencyRates::convert(*a.value, a.currency, currency);
    if (!v)
        return std::nullopt;
    Amount out = a;
    out.value = *v;
    out.currency = currency;
    return out;
}

/// "up to 28.32 billion CNY (reported as up to 4 billion USD)" or "up to 4 billion USD".
QString amountText(const Amount &shown, const Amount &reported)
{
    if (shown.currency == reported.currency)
        return shown.toDisplayString();
    return QStringLiteral("%1 (reported as %2)")
            .arg(shown.toDisplayString(), reported.toDisplayString());
}

QString boundKey(Bound b)
{
    switch (b) {
    case Bound::Point:
        return QStringLiteral("point");
    case Bound::LowerBound:
        return QStringLiteral("lower");
    case Bound::UpperBound:
        return QStringLiteral("upper");
    }
    return {};
}

QString boundSuffix(Bound b)
{
    switch (b) {
    case Bound::Point:
        return {};
    case Bound::LowerBound:
        return QStringLiteral(" \u2014 over (lower bound)");
    case Bound::UpperBound:
        return QStringLiteral(" \u2014 up to (upper bound)");
    }
    return {};
}

int statusOrder(const QString &status)
{
    static const QStringList order{QStringLiteral("delivered"),
                                   QStringLiteral("ordered"),
                                   QStringLiteral("at_risk"),
                                   QStringLiteral("cancelled"),
                                   QStringLiteral("mixed")};
    const int i = int(order.indexOf(status));
    return i < 0 ? int(order.size()) : i;
}

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("mixed"))
        return QStringLiteral("Mixed status");
    if (status.isEmpty())
        return QStringLiteral("Status not reported");
    return Vocabulary::label(status);
}

/// "Jan 2023" etc. for the note about a date coarser than a period.
QString placedNote(const QString &what, const FuzzyDate &date, const PeriodGrid &grid, int row)
{
    return QStringLiteral("%1 is dated only \u201C%2\u201D: shown in %3, the first period it "
                          "could fall in.")
            .arg(what, date.toDisplayString(), grid.periods().at(row).label);
}

/// Builds the rows, columns and cells of a StackedSeries from placed items.
struct PlacedItem
{
    QString columnKey;
    StackColumn column; ///< template for a new column (key set)
    int row = 0;
    double value = 0;
    Amount::Qualifier qualifier = Amount::Qualifier::Exact;
    QString text;
    QList<RowId> tieIds;
};

void fillSeries(StackedSeries &out,
                const QList<PlacedItem> &items,
                const std::function<bool(const StackColumn &, const StackColumn &)> &before)
{
    QHash<QString, StackColumn> columns;
    for (const PlacedItem &item : items)
        if (!columns.contains(item.columnKey))
            columns.insert(item.columnKey, item.column);
    out.columns = columns.values();
    std::sort(out.columns.begin(), out.columns.end(), before);
    out.values = QList<QList<double>>(out.grid.size(), QList<double>(out.columns.size(), 0.0));
    for (const PlacedItem &item : items) {
        const int c = out.columnOf(item.columnKey);
        out.values[item.row][c] += item.value;
        out.contributions.append({item.row, c, item.value, item.qualifier, item.text, item.tieIds});
    }
}

QString basisWord(ViewState::TimeBasis basis)
{
    return basis == ViewState::TimeBasis::Began ? QStringLiteral("start date")
                                                : QStringLiteral("publication date");
}

} // namespace

// ---------------------------------------------------------------------------------------------

qint64 epochDay(QDate date)
{
    return kEpoch.daysTo(date);
}

QDate dateOfEpochDay(qint64 days)
{
    return kEpoch.addDays(days);
}

FuzzyDate tieDate(const Landscape &landscape, const Tie &tie, ViewState::TimeBasis basis)
{
    return basis == ViewState::TimeBasis::Began ? tie.start
                                                : TieFilterModel::publicationDate(landscape, tie);
}

FuzzyDate figureDate(const Landscape &landscape, const Figure &figure, ViewState::TimeBasis basis)
{
    if (basis == ViewState::TimeBasis::Began)
        return figure.asOf;
    FuzzyDate earliest;
    for (RowId id : figure.sourceIds) {
        const Source *s = landscape.source(id);
        if (s && s->date.isValid()
            && (!earliest.isValid() || s->date.earliest() < earliest.earliest()))
            earliest = s->date;
    }
    return earliest;
}

std::pair<QDate, QDate> dataSpan(const Landscape &l)
{
    QDate lo;
    QDate hi;
    auto add = [&](const FuzzyDate &d) {
        if (!d.isValid())
            return;
        if (!lo.isValid() || d.earliest() < lo)
            lo = d.earliest();
        if (!hi.isValid() || d.latest() > hi)
            hi = d.latest();
    };
    for (const Tie &t : l.ties) {
        add(t.start);
        add(t.end);
        add(t.delivery);
        add(t.statusDate);
    }
    for (const Figure &f : l.figures)
        add(f.asOf);
    for (const Source &s : l.sources)
        add(s.date);
    return {lo, hi};
}

std::pair<QDate, QDate> resolveRange(const Landscape &landscape, const TimelineOptions &options)
{
    auto [lo, hi] = dataSpan(landscape);
    // Data-derived ends are snapped to whole months; given ends are kept as given.
    if (lo.isValid())
        lo = QDate(lo.year(), lo.month(), 1);
    if (hi.isValid())
        hi = QDate(hi.year(), hi.month(), 1).addMonths(1).addDays(-1);
    QDate from = options.from.isValid() ? options.from : lo;
    QDate to = options.to.isValid() ? options.to : hi;
    if (!from.isValid() && !to.isValid()) {
        const QDate today = QDate::currentDate();
        from = QDate(today.year(), 1, 1);
        to = QDate(today.year(), 12, 31);
    } else if (!from.isValid()) {
        from = QDate(to.year(), 1, 1);
    } else if (!to.isValid()) {
        to = QDate(from.year(), 12, 31);
    }
    if (from > to) {
        // One end given, the other from data on the wrong side of it: one year from the given end.
        if (options.from.isValid())
            to = from.addYears(1).addDays(-1);
        else
            from = to.addYears(-1).addDays(1);
    }
    return {from, to};
}

QList<RowId> idsOf(const QAbstractItemModel &model)
{
    QList<RowId> out;
    const int rows = model.rowCount();
    out.reserve(rows);
    for (int r = 0; r < rows; ++r)
        out.append(model.index(r, 0).data(ModelRole::Id).toLongLong());
    return out;
}

Bound boundOf(Amount::Qualifier q)
{
    switch (q) {
    case Amount::Qualifier::UpTo:
        return Bound::UpperBound;
    case Amount::Qualifier::Over:
    case Amount::Qualifier::AtLeast:
        return Bound::LowerBound;
    case Amount::Qualifier::Exact:
    case Amount::Qualifier::About:
    case Amount::Qualifier::Undisclosed:
        break;
    }
    return Bound::Point;
}

QString boundWord(Amount::Qualifier q)
{
    switch (q) {
    case Amount::Qualifier::UpTo:
        return QStringLiteral("up to");
    case Amount::Qualifier::Over:
        return QStringLiteral("over");
    case Amount::Qualifier::AtLeast:
        return QStringLiteral("at least");
    case Amount::Qualifier::About:
        return QStringLiteral("about");
    case Amount::Qualifier::Exact:
    case Amount::Qualifier::Undisclosed:
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

int StackedSeries::columnOf(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns[i].key == key)
            return i;
    return -1;
}

double StackedSeries::value(int row, const QString &key) const
{
    const int c = columnOf(key);
    if (c < 0 || row < 0 || row >= values.size())
        return 0;
    return values[row][c];
}

double StackedSeries::rowTotal(int row) const
{
    if (row < 0 || row >= values.size())
        return 0;
    double sum = 0;
    for (double v : values[row])
        sum += v;
    return sum;
}

double StackedSeries::total() const
{
    double sum = 0;
    for (int r = 0; r < values.size(); ++r)
        sum += rowTotal(r);
    return sum;
}

QStringList StackedSeries::cellTexts(int row, int column) const
{
    QStringList out;
    for (const Contribution &c : contributions)
        if (c.row == row && c.column == column)
            out << c.text;
    return out;
}

// ---------------------------------------------------------------------------------------------

Granularity autoGranularity(const QList<FuzzyDate> &dates, QDate from, QDate to)
{
    for (Granularity g : {Granularity::Month, Granularity::Quarter}) {
        const PeriodGrid grid(from, to, g);
        if (grid.size() > 48)
            continue;
        bool fits = true;
        for (const FuzzyDate &d : dates)
            fits = fits && grid.fitsOnePeriod(d);
        if (fits)
            return g;
    }
    return Granularity::Year;
}

std::pair<double, int> niceAxis(double max)
{
    if (!(max > 0))
        return {1.0, 6};
    const double mag = std::pow(10.0, std::floor(std::log10(max)));
    // Nice multiples of the magnitude and the tick step that goes with each.
    static const std::pair<double, double> steps[] = {{1, 0.2},
                                                      {1.5, 0.5},
                                                      {2, 0.5},
                                                      {2.5, 0.5},
                                                      {3, 0.5},
                                                      {4, 1},
                                                      {5, 1},
                                                      {6, 1},
                                                      {8, 2},
                                                      {10, 2}};
    for (const auto &[m, step] : steps) {
        if (m * mag >= max * (1 - 1e-12))
            return {m * mag, int(std::lround(m / step)) + 1};
    }
    return {10 * mag, 6};
}

std::pair<double, QString> scaleFor(double max)
{
    const double a = std::fabs(max);
    if (a >= 1e9)
        return {1e9, QStringLiteral("billion")};
    if (a >= 1e6)
        return {1e6, QStringLiteral("million")};
    if (a >= 1e4)
        return {1e3, QStringLiteral("thousand")};
    return {1.0, QString()};
}

// ---------------------------------------------------------------------------------------------

StackedSeries investments(const Landscape &l,
                          const QList<RowId> &tieIds,
                          const TimelineOptions &options)
{
    StackedSeries out;
    out.unit = options.currency;
    const auto [from, to] = resolveRange(l, options);
    const FigureOptions &fig = options.figure;

    struct Item
    {
        const Tie *tie;
        FuzzyDate date;
        std::optional<Amount> shown; ///< nullopt: undisclosed
        QString what;                ///< "Amazon → Anthropic"
    };
    QList<Item> items;
    int outside = 0;
    for (const Tie *t : tiesOfKind(l, tieIds, QStringLiteral("investment"))) {
        Item item{t,
                  tieDate(l, *t, options.basis),
                  std::nullopt,
                  QStringLiteral("%1 \u2192 %2")
                          .arg(orgName(l, t->fromId, fig), orgName(l, t->toId, fig))};
        const QString round = t->round.isEmpty() ? QString() : QStringLiteral(", %1").arg(t->round);
        if (!item.date.isValid()) {
            out.offAxis << QStringLiteral("%1: %2%3 \u2014 %4 unknown")
                                   .arg(item.what,
                                        t->amount.toDisplayString(),
                                        round,
                                        basisWord(options.basis));
            continue;
        }
        if (item.date.earliest() < from || item.date.earliest() > to) {
            ++outside;
            continue;
        }
        if (t->amount.value) {
            item.shown = converted(t->amount, options.currency);
            if (!item.shown) {
                out.offAxis << QStringLiteral("%1: %2 \u2014 no exchange rate to %3")
                                       .arg(item.what,
                                            t->amount.toDisplayString(),
                                            options.currency);
                continue;
            }
        }
        items.append(item);
    }
    if (outside)
        out.offAxis << QStringLiteral("%1 investment(s) dated outside %2 \u2013 %3")
                               .arg(outside)
                               .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));

    QList<FuzzyDate> disclosedDates;
    for (const Item &i : items)
        if (i.shown)
            disclosedDates << i.date;
    const Granularity g = options.granularity == Granularity::Auto
                                  ? autoGranularity(disclosedDates, from, to)
                                  : options.granularity;
    out.grid = PeriodGrid(from, to, g);

    // Stack groups ordered by their total (largest at the bottom), then by name.
    QHash<RowId, double> groupTotal;
    for (const Item &i : items) {
        const RowId key = options.stacking == InvestmentStacking::ByInvestor ? i.tie->fromId
                                                                             : i.tie->toId;
        groupTotal[key] += i.shown ? *i.shown->value : 0.0;
    }
    QList<RowId> groups = groupTotal.keys();
    std::sort(groups.begin(), groups.end(), [&](RowId a, RowId b) {
        if (groupTotal[a] != groupTotal[b])
            return groupTotal[a] > groupTotal[b];
        return orgName(l, a, fig) < orgName(l, b, fig);
    });

    QList<PlacedItem> placed;
    for (const Item &i : items) {
        const int row = out.grid.indexOf(i.date.earliest());
        if (row < 0)
            continue;
        if (!out.grid.fitsOnePeriod(i.date))
            out.notes << placedNote(i.what, i.date, out.grid, row);
        if (!i.shown) {
            out.undisclosed.append({row,
                                    i.date,
                                    QStringLiteral("%1: amount undisclosed (%2)")
                                            .arg(i.what, i.date.toDisplayString()),
                                    {i.tie->id}});
            continue;
        }
        const RowId group = options.stacking == InvestmentStacking::ByInvestor ? i.tie->fromId
                                                                               : i.tie->toId;
        const Bound b = boundOf(i.shown->qualifier);
        PlacedItem p;
        p.columnKey = QStringLiteral("o%1/%2").arg(group).arg(boundKey(b));
        p.column.key = p.columnKey;
        p.column.group = orgName(l, group, fig);
        p.column.label = p.column.group + boundSuffix(b);
        p.column.bound = b;
        p.column.organizationId = group;
        p.column.colorIndex = int(groups.indexOf(group));
        p.row = row;
        p.value = *i.shown->value;
        p.qualifier = i.shown->qualifier;
        p.text = QStringLiteral("%1: %2 (%3)")
                         .arg(i.what,
                              amountText(*i.shown, i.tie->amount),
                              i.date.toDisplayString());
        if (!i.tie->round.isEmpty())
            p.text += QStringLiteral(", %1").arg(i.tie->round);
        p.tieIds = {i.tie->id};
        placed.append(p);
    }
    fillSeries(out, placed, [](const StackColumn &a, const StackColumn &b) {
        if (a.colorIndex != b.colorIndex)
            return a.colorIndex < b.colorIndex;
        return int(a.bound) < int(b.bound);
    });
    return out;
}

// ---------------------------------------------------------------------------------------------

StackedSeries chipOrders(const Landscape &l,
                         const QList<RowId> &tieIds,
                         const TimelineOptions &options)
{
    StackedSeries out;
    const bool value = options.chipMeasure == ChipMeasure::Value;
    out.unit = value ? options.currency : QStringLiteral("chips");
    const auto [from, to] = resolveRange(l, options);
    const FigureOptions &fig = options.figure;

    /// A deal (its ties together) or one tie outside deals.
    struct Group
    {
        const Deal *deal = nullptr;
        QList<const Tie *> ties;
        QString status;
        FuzzyDate delivery;
        Amount amount; ///< as reported
        QString what;  ///< "Nvidia ← Alibaba Group, Tencent"
        RowId supplier = 0;
    };
    QList<Group> groups;
    QHash<RowId, int> dealGroup;
    for (const Tie *t : tiesOfKind(l, tieIds, QStringLiteral("chip_order"))) {
        const Deal *d = l.deal(t->dealId);
        if (d && dealGroup.contains(d->id)) {
            groups[dealGroup[d->id]].ties.append(t);
            continue;
        }
        Group g;
        g.deal = d;
        g.ties = {t};
        if (d)
            dealGroup.insert(d->id, int(groups.size()));
        groups.append(g);
    }
    QList<FuzzyDate> disclosedDates;
    struct Resolved
    {
        Group group;
        std::optional<Amount> shown;
    };
    QList<Resolved> resolved;
    int outside = 0;
    for (Group &g : groups) {
        QStringList buyers;
        QSet<QString> statuses;
        QList<RowId> suppliers;
        QSet<QString> deliveries;
        for (const Tie *t : g.ties) {
            const QString buyer = orgName(l, t->fromId, fig);
            if (!buyers.contains(buyer))
                buyers << buyer;
            statuses.insert(t->status);
            if (!suppliers.contains(t->toId))
                suppliers << t->toId;
            if (t->delivery.isValid()) {
                deliveries.insert(t->delivery.toString());
                if (!g.delivery.isValid() || t->delivery.earliest() < g.delivery.earliest())
                    g.delivery = t->delivery;
            }
        }
        g.status = statuses.size() == 1 ? *statuses.begin() : QStringLiteral("mixed");
        g.supplier = suppliers.size() == 1 ? suppliers.first() : 0;
        QStringList supplierNames;
        for (RowId s : suppliers)
            supplierNames << orgName(l, s, fig);
        // An open set of buyers ("including Alibaba, Tencent, …") says so wherever it is named.
        const bool open = g.deal && g.deal->parties == PartySet::Open;
        g.what = QStringLiteral("%1 \u2190 %2%3")
                         .arg(supplierNames.join(QStringLiteral(", ")),
                              open ? QStringLiteral("buyers including ") : QString(),
                              buyers.join(QStringLiteral(", ")));
        const Tie *first = g.ties.first();
        g.amount = g.deal ? (value ? g.deal->amount : g.deal->units)
                          : (value ? first->amount : first->units);
        // "about 1 billion USD", or "value undisclosed (1,600 chips)".
        QString measureText = g.amount.toDisplayString(value ? QString() : QStringLiteral("chips"));
        if (!g.amount.value) {
            const Amount other = g.deal ? (value ? g.deal->units : g.deal->amount)
                                        : (value ? first->units : first->amount);
            measureText = QStringLiteral("%1 undisclosed")
                                  .arg(value ? QStringLiteral("value") : QStringLiteral("units"));
            if (other.value)
                measureText += QStringLiteral(" (%1)").arg(
                        other.toDisplayString(value ? QStringLiteral("chips") : QString()));
        }
        if (g.deal && g.ties.size() > 1)
            out.notes << QStringLiteral("One deal, \u201C%1\u201D (%2), is shared by %3%4; the "
                                        "split among them is not reported.")
                                 .arg(g.deal->title,
                                      measureText,
                                      buyers.join(QStringLiteral(", ")),
                                      g.deal->parties == PartySet::Open
                                              ? QStringLiteral(" and possibly others the source "
                                                               "does not name")
                                              : QString());
        if (deliveries.size() > 1)
            out.notes << QStringLiteral("%1: the buyers' delivery dates differ; shown at the "
                                        "earliest, %2.")
                                 .arg(g.what, g.delivery.toDisplayString());
        if (!g.delivery.isValid()) {
            out.offAxis << QStringLiteral("%1: %2, %3 \u2014 delivery date unknown")
                                   .arg(g.what, measureText, statusLabel(g.status).toLower());
            continue;
        }
        if (g.delivery.earliest() < from || g.delivery.earliest() > to) {
            ++outside;
            continue;
        }
        Resolved r{g, std::nullopt};
        if (g.amount.value) {
            r.shown = value ? converted(g.amount, options.currency)
                            : std::optional<Amount>(g.amount);
            if (!r.shown) {
                out.offAxis << QStringLiteral("%1: %2 \u2014 no exchange rate to %3")
                                       .arg(g.what, measureText, options.currency);
                continue;
            }
            disclosedDates << g.delivery;
        }
        resolved.append(r);
    }
    if (outside)
        out.offAxis << QStringLiteral("%1 chip order group(s) with delivery outside %2 \u2013 %3")
                               .arg(outside)
                               .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));

    const Granularity gran = options.granularity == Granularity::Auto
                                     ? autoGranularity(disclosedDates, from, to)
                                     : options.granularity;
    out.grid = PeriodGrid(from, to, gran);

    QHash<QString, int> perStatus; // columns so far per status, for shades
    QHash<QString, int> columnShade;
    QList<PlacedItem> placed;
    for (const Resolved &r : resolved) {
        const Group &g = r.group;
        const int row = out.grid.indexOf(g.delivery.earliest());
        if (row < 0)
            continue;
        if (!out.grid.fitsOnePeriod(g.delivery))
            out.notes << placedNote(
                    QStringLiteral("Delivery of %1").arg(g.what), g.delivery, out.grid, row);
        QList<RowId> ids;
        for (const Tie *t : g.ties)
            ids << t->id;
        const QString statusText = statusLabel(g.status).toLower();
        if (!r.shown) {
            out.undisclosed.append(
                    {row,
                     g.delivery,
                     QStringLiteral("%1: %2 undisclosed, %3, delivery %4")
                             .arg(g.what,
                                  value ? QStringLiteral("value") : QStringLiteral("units"),
                                  statusText,
                                  g.delivery.toDisplayString()),
                     ids});
            continue;
        }
        const Bound b = boundOf(r.shown->qualifier);
        PlacedItem p;
        const QString stack = g.deal ? QStringLiteral("d%1").arg(g.deal->id)
                                     : QStringLiteral("s%1").arg(g.supplier);
        p.columnKey = QStringLiteral("%1/%2/%3").arg(stack, g.status, boundKey(b));
        if (!columnShade.contains(stack + g.status))
            columnShade.insert(stack + g.status, perStatus[g.status]++);
        p.column.key = p.columnKey;
        p.column.status = g.status;
        p.column.bound = b;
        p.column.colorIndex = columnShade.value(stack + g.status);
        if (g.deal) {
            p.column.group = QStringLiteral("%1 \u2014 %2%3")
                                     .arg(statusLabel(g.status),
                                          g.what,
                                          g.ties.size() > 1 ? QStringLiteral(
                                                  " (one deal, split not reported)")
                                                            : QString());
        } else {
            p.column.group = QStringLiteral("%1 \u2014 %2 (outside deals)")
                                     .arg(statusLabel(g.status),
                                          g.supplier ? orgName(l, g.supplier, fig) : g.what);
        }
        p.column.label = p.column.group + boundSuffix(b);
        p.row = row;
        p.value = *r.shown->value;
        p.qualifier = r.shown->qualifier;
        const QString shown = value ? amountText(*r.shown, g.amount)
                                    : r.shown->toDisplayString(QStringLiteral("chips"));
        p.text = QStringLiteral("%1: %2, %3, delivery %4")
                         .arg(g.what, shown, statusText, g.delivery.toDisplayString());
        if (g.deal)
            p.text += QStringLiteral(" \u2014 deal \u201C%1\u201D").arg(g.deal->title);
        p.tieIds = ids;
        placed.append(p);
    }
    fillSeries(out, placed, [](const StackColumn &a, const StackColumn &b) {
        if (statusOrder(a.status) != statusOrder(b.status))
            return statusOrder(a.status) < statusOrder(b.status);
        if (a.colorIndex != b.colorIndex)
            return a.colorIndex < b.colorIndex;
        return int(a.bound) < int(b.bound);
    });
    return out;
}

// ---------------------------------------------------------------------------------------------

int ClientSeries::vendorIndex(RowId id) const
{
    for (int i = 0; i < vendors.size(); ++i)
        if (vendors[i].id == id)
            return i;
    return -1;
}

int ClientSeries::countAt(RowId vendor, QDate date) const
{
    if (!date.isValid())
        return 0;
    int n = 0;
    for (const Interval &i : intervals)
        n += (i.vendor == vendor && i.first <= date && (!i.last.isValid() || i.last >= date)) ? 1
                                                                                              : 0;
    return n;
}

ClientSeries clientCounts(const Landscape &l,
                          const QList<RowId> &tieIds,
                          const TimelineOptions &options)
{
    ClientSeries out;
    const auto [from, to] = resolveRange(l, options);
    out.from = from;
    out.to = to;
    const FigureOptions &fig = options.figure;
    int total = 0;
    for (const Tie *t : tiesOfKind(l, tieIds, QStringLiteral("hosting"))) {
        ++total;
        FuzzyDate d;
        bool fromPublication = false;
        if (options.basis == ViewState::TimeBasis::Began && t->start.isValid()) {
            d = t->start;
        } else {
            d = TieFilterModel::publicationDate(l, *t);
            fromPublication = true;
        }
        const QString what = QStringLiteral("%1 hosts %2")
                                     .arg(orgName(l, t->fromId, fig), orgName(l, t->toId, fig));
        if (!d.isValid()) {
            out.uncounted << QStringLiteral("%1: no start date and no dated source").arg(what);
            continue;
        }
        (fromPublication ? out.countedFromPublication : out.countedFromStart)++;
        out.intervals.append({t->fromId,
                              t->id,
                              d.earliest(),
                              t->end.isValid() ? t->end.latest() : QDate(),
                              fromPublication});
        if (out.vendorIndex(t->fromId) < 0)
            out.vendors.append({t->fromId, orgName(l, t->fromId, fig)});
    }

    auto countOn = [&](RowId vendor, QDate date) {
        return out.countAt(vendor, date);
    };
    // Vendors with the most clients at the end of the axis first, then by name.
    std::sort(out.vendors.begin(),
              out.vendors.end(),
              [&](const ClientSeries::Vendor &a, const ClientSeries::Vendor &b) {
                  const int ca = countOn(a.id, to);
                  const int cb = countOn(b.id, to);
                  return ca != cb ? ca > cb : a.name < b.name;
              });
    QList<QDate> changeDays;
    for (const ClientSeries::Interval &i : out.intervals) {
        if (i.first > from && i.first <= to)
            changeDays << i.first;
        if (i.last.isValid() && i.last.addDays(1) > from && i.last.addDays(1) <= to)
            changeDays << i.last.addDays(1);
    }
    std::sort(changeDays.begin(), changeDays.end());
    changeDays.erase(std::unique(changeDays.begin(), changeDays.end()), changeDays.end());
    changeDays.prepend(from);
    for (QDate day : changeDays) {
        ClientSeries::Step s{day, {}};
        for (const ClientSeries::Vendor &v : out.vendors)
            s.counts << countOn(v.id, day);
        out.steps.append(s);
    }

    const QString range = QStringLiteral("%1 hosting tie(s)").arg(total);
    if (options.basis == ViewState::TimeBasis::Published) {
        out.basisNote = QStringLiteral("Basis: when each tie became public (the date of its "
                                       "earliest source); %1.")
                                .arg(range);
    } else if (out.countedFromPublication == 0) {
        out.basisNote = QStringLiteral("Basis: when each tie began; %1.").arg(range);
    } else {
        out.basisNote = QStringLiteral("Basis: when each tie began \u2014 but %1 of %2 hosting "
                                       "ties have no known start and are counted from their "
                                       "publication date (earliest source), the earliest date "
                                       "they are known to exist.")
                                .arg(out.countedFromPublication)
                                .arg(total);
    }
    if (!out.uncounted.isEmpty())
        out.basisNote += QStringLiteral(" %1 tie(s) have no date at all and are not counted.")
                                 .arg(out.uncounted.size());
    return out;
}

// ---------------------------------------------------------------------------------------------

QString TimelineEvent::toolTip(const Landscape &l, const FigureOptions &labels) const
{
    QString kindText = kind == QLatin1String("figure") ? QStringLiteral("Figure")
                                                       : Vocabulary::label(kind);
    if (grade != EvidenceGrade::Reported)
        kindText += QStringLiteral(" (%1)").arg(evidenceGradeName(grade));
    QString when = date.toDisplayString();
    if (date.precision() != FuzzyDate::Precision::Day)
        when += QStringLiteral(" (%1 \u2026 %2)")
                        .arg(date.earliest().toString(Qt::ISODate),
                             date.latest().toString(Qt::ISODate));
    QStringList lines{QStringLiteral("%1 \u00B7 %2 \u00B7 %3")
                              .arg(orgName(l, organizationId, labels), kindText, when),
                      summary};
    if (!detail.isEmpty() && detail != summary)
        lines << detail;
    if (!sources.isEmpty())
        lines << sources;
    if (!change.isEmpty())
        lines << QStringLiteral("Compared: %1").arg(change);
    return lines.join(QLatin1Char('\n'));
}

EventLanes events(const Landscape &l,
                  const QList<RowId> &tieIds,
                  const QList<RowId> &figureIds,
                  const TimelineOptions &options)
{
    EventLanes out;
    const auto [from, to] = resolveRange(l, options);
    out.from = from;
    out.to = to;
    const FigureOptions &fig = options.figure;
    const bool rangeMode = options.mode == CursorMode::Range && options.compareFrom.isValid()
                           && options.figure.asOf.isValid();
    auto keep = [&](const FuzzyDate &d) {
        if (d.latest() < from || d.earliest() > to)
            return false;
        if (rangeMode)
            return d.earliest() >= options.compareFrom && d.earliest() <= options.figure.asOf;
        return true;
    };
    auto citations = [&](const QList<RowId> &ids) {
        QStringList parts;
        for (RowId id : ids)
            if (const Source *s = l.source(id))
                parts << OrganizationDetails::sourceCitation(l, *s);
        return parts.isEmpty()
                       ? QString()
                       : QStringLiteral("Sources: %1").arg(parts.join(QStringLiteral("; ")));
    };

    QHash<RowId, QString> change;
    if (options.mode == CursorMode::Compare && options.compareFrom.isValid()
        && options.figure.asOf.isValid()) {
        const TieComparison::Changes c = TieComparison::compare(
                l, options.compareFrom, options.figure.asOf, options.basis, &tieIds);
        for (RowId id : c.added)
            change.insert(id, QStringLiteral("added"));
        for (RowId id : c.removed)
            change.insert(id, QStringLiteral("removed"));
        for (RowId id : c.changed)
            change.insert(id, QStringLiteral("changed"));
    }

    QList<TimelineEvent> all;
    for (const Tie *t : [&] {
             QList<const Tie *> ts;
             const QHash<RowId, const Tie *> index = tieIndex(l);
             for (RowId id : tieIds)
                 if (const Tie *t = index.value(id))
                     ts << t;
             return ts;
         }()) {
        const FuzzyDate d = tieDate(l, *t, options.basis);
        if (!d.isValid()) {
            ++out.undatedTies;
            continue;
        }
        if (!keep(d)) {
            ++out.outsideRange;
            continue;
        }
        for (RowId org : {t->fromId, t->toId}) {
            if (!org || (org == t->toId && t->toId == t->fromId))
                continue;
            TimelineEvent e;
            e.organizationId = org;
            e.kind = t->kind;
            e.grade = t->evidence.grade;
            e.tieId = t->id;
            e.date = d;
            e.summary = OrganizationDetails::tieSummary(l, *t, org);
            e.detail = t->description;
            e.sources = citations(t->sourceIds);
            e.change = change.value(t->id);
            all.append(e);
        }
    }
    QHash<RowId, const Figure *> figures;
    for (const Figure &f : l.figures)
        figures.insert(f.id, &f);
    for (RowId id : figureIds) {
        const Figure *f = figures.value(id);
        if (!f)
            continue;
        const FuzzyDate d = figureDate(l, *f, options.basis);
        if (!d.isValid()) {
            ++out.undatedFigures;
            continue;
        }
        if (!keep(d)) {
            ++out.outsideRange;
            continue;
        }
        TimelineEvent e;
        e.organizationId = f->subjectId;
        e.kind = QStringLiteral("figure");
        e.grade = f->evidence.grade;
        e.figureId = f->id;
        e.date = d;
        e.summary = f->value.value ? QStringLiteral("%1: %2").arg(f->metric,
                                                                  f->value.toDisplayString(f->unit))
                                   : f->statement;
        const QString evidence = l.evidenceText(f->evidence);
        if (!evidence.isEmpty())
            e.summary += QStringLiteral(" [%1]").arg(evidence);
        if (f->parties == PartySet::Open)
            e.summary += QStringLiteral(" (names some parties, not all)");
        e.detail = f->statement;
        e.sources = citations(f->sourceIds);
        all.append(e);
    }

    // Lanes: organizations ordered by their first event, then name.
    QHash<RowId, QDate> firstDay;
    for (const TimelineEvent &e : all)
        if (!firstDay.contains(e.organizationId) || e.date.earliest() < firstDay[e.organizationId])
            firstDay[e.organizationId] = e.date.earliest();
    out.organizations = firstDay.keys();
    std::sort(out.organizations.begin(), out.organizations.end(), [&](RowId a, RowId b) {
        if (firstDay[a] != firstDay[b])
            return firstDay[a] < firstDay[b];
        return orgName(l, a, fig) < orgName(l, b, fig);
    });
    for (RowId id : out.organizations)
        out.names << orgName(l, id, fig);

    // Sub-lanes: marks closer than 1/70 of the axis share no row.
    const qint64 minDays = std::max<qint64>(1, from.daysTo(to) / 70);
    std::stable_sort(all.begin(), all.end(), [](const TimelineEvent &a, const TimelineEvent &b) {
        if (a.date.earliest() != b.date.earliest())
            return a.date.earliest() < b.date.earliest();
        return a.date.latest() < b.date.latest();
    });
    for (int lane = 0; lane < out.organizations.size(); ++lane) {
        QList<QDate> rowEnds; // first free day of each sub-lane
        QList<int> members;
        for (int i = 0; i < all.size(); ++i) {
            TimelineEvent &e = all[i];
            if (e.organizationId != out.organizations[lane])
                continue;
            e.lane = lane;
            const QDate start = e.date.earliest();
            const QDate end = std::max(e.date.latest().addDays(1), start.addDays(minDays));
            int sub = 0;
            while (sub < rowEnds.size() && rowEnds[sub] > start)
                ++sub;
            if (sub == rowEnds.size())
                rowEnds.append(end);
            else
                rowEnds[sub] = end;
            e.subLane = sub;
            members << i;
        }
        const int subLanes = std::max(1, int(rowEnds.size()));
        out.laneTops << out.rows;
        for (int i : members) {
            all[i].subLanes = subLanes;
            all[i].y = out.rows + all[i].subLane + 0.5;
        }
        out.rows += subLanes;
    }
    out.events = all;
    return out;
}

} // namespace EcoAtlas::TimelineAggregation
