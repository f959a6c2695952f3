// SPDX-License-Identifier: MIT
#include "Record.h"

#include <QDir>
#include <QSet>

#include <algorithm>

namespace EcoAtlas {

namespace {

template<typename T>
QList<T> &listOf(Landscape &l);
template<>
QList<Source> &listOf(Landscape &l)
{
    return l.sources;
}
template<>
QList<Organization> &listOf(Landscape &l)
{
    return l.organizations;
}
template<>
QList<Sector> &listOf(Landscape &l)
{
    return l.sectors;
}
template<>
QList<Product> &listOf(Landscape &l)
{
    return l.products;
}
template<>
QList<Deal> &listOf(Landscape &l)
{
    return l.deals;
}
template<>
QList<Tie> &listOf(Landscape &l)
{
    return l.ties;
}
template<>
QList<Figure> &listOf(Landscape &l)
{
    return l.figures;
}

/// Calls `f` with the list of `kind` in `l` (const).
template<typename F>
auto withList(const Landscape &l, RecordKind kind, F &&f)
{
    Landscape &m = const_cast<Landscape &>(l);
    switch (kind) {
    case RecordKind::Source:
        return f(listOf<Source>(m));
    case RecordKind::Organization:
        return f(listOf<Organization>(m));
    case RecordKind::Sector:
        return f(listOf<Sector>(m));
    case RecordKind::Product:
        return f(listOf<Product>(m));
    case RecordKind::Deal:
        return f(listOf<Deal>(m));
    case RecordKind::Tie:
        return f(listOf<Tie>(m));
    case RecordKind::Figure:
        break;
    }
    return f(listOf<Figure>(m));
}

} // namespace

QString recordKindName(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Source:
        return QStringLiteral("source");
    case RecordKind::Organization:
        return QStringLiteral("organization");
    case RecordKind::Sector:
        return QStringLiteral("sector");
    case RecordKind::Product:
        return QStringLiteral("product");
    case RecordKind::Deal:
        return QStringLiteral("deal");
    case RecordKind::Tie:
        return QStringLiteral("tie");
    case RecordKind::Figure:
        break;
    }
    return QStringLiteral("figure");
}

std::optional<RecordKind> recordKindFromName(const QString &name)
{
    for (RecordKind k : kRecordKinds)
        if (recordKindName(k) == name)
            return k;
    return std::nullopt;
}

QString recordKindLabel(RecordKind kind)
{
    QString name = recordKindName(kind);
    name[0] = name[0].toUpper();
    return name;
}

RecordKind recordKind(const Record &record)
{
    return static_cast<RecordKind>(record.index());
}

RowId recordId(const Record &record)
{
    return std::visit([](const auto &r) { return r.id; }, record);
}

QString recordKey(const Record &record)
{
    return std::visit([](const auto &r) { return r.key; }, record);
}

void setRecordId(Record &record, RowId id)
{
    std::visit([id](auto &r) { r.id = id; }, record);
}

void setRecordKey(Record &record, const QString &key)
{
    std::visit([&key](auto &r) { r.key = key; }, record);
}

QString recordTitle(const Record &record, const Landscape &l)
{
    switch (recordKind(record)) {
    case RecordKind::Source: {
        const auto &s = std::get<Source>(record);
        return s.title.isEmpty() ? s.publisher : QStringLiteral("%1: %2").arg(s.publisher, s.title);
    }
    case RecordKind::Organization:
        return std::get<Organization>(record).nameEn;
    case RecordKind::Sector:
        return std::get<Sector>(record).nameEn;
    case RecordKind::Product:
        return std::get<Product>(record).nameEn;
    case RecordKind::Deal:
        return std::get<Deal>(record).title;
    case RecordKind::Tie: {
        const auto &t = std::get<Tie>(record);
        return QStringLiteral("%1: %2 → %3")
                .arg(t.kind, l.organizationName(t.fromId), l.tieTargetName(t));
    }
    case RecordKind::Figure:
        break;
    }
    const auto &f = std::get<Figure>(record);
    const QString subject = f.subjectId ? l.organizationName(f.subjectId)
                                        : QStringLiteral("market");
    return QStringLiteral("%1: %2").arg(subject, f.metric);
}

std::optional<Record> findRecord(const Landscape &l, RecordKind kind, RowId id)
{
    switch (kind) {
    case RecordKind::Source:
        if (const Source *s = l.source(id))
            return Record(*s);
        break;
    case RecordKind::Organization:
        if (const Organization *o = l.organization(id))
            return Record(*o);
        break;
    case RecordKind::Sector:
        if (const Sector *s = l.sector(id))
            return Record(*s);
        break;
    case RecordKind::Product:
        if (const Product *p = l.product(id))
            return Record(*p);
        break;
    case RecordKind::Deal:
        if (const Deal *d = l.deal(id))
            return Record(*d);
        break;
    case RecordKind::Tie:
        if (const Tie *t = l.tie(id))
            return Record(*t);
        break;
    case RecordKind::Figure:
        if (const Figure *f = l.figure(id))
            return Record(*f);
        break;
    }
    return std::nullopt;
}

RowId maxRecordId(const Landscape &l, RecordKind kind)
{
    return withList(l, kind, [](const auto &list) {
        RowId max = 0;
        for (const auto &r : list)
            max = std::max(max, r.id);
        return max;
    });
}

bool isKeyTaken(const Landscape &l, RecordKind kind, const QString &key, RowId exceptId)
{
    return withList(l, kind, [&](const auto &list) {
        return std::any_of(list.cbegin(), list.cend(), [&](const auto &r) {
            return r.key == key && r.id != exceptId;
        });
    });
}

QString makeRecordKey(const Landscape &l, RecordKind kind, const QString &name)
{
    QString base;
    bool dash = false;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            if (dash && !base.isEmpty())
                base += QLatin1Char('-');
            base += QChar(u);
            dash = false;
        } else if (!c.isMark()) {
            dash = true;
        }
        if (base.size() >= 40)
            break;
    }
    if (base.size() >= 40 && base.lastIndexOf(u'-') > 20)
        base.truncate(base.lastIndexOf(u'-')); // cut at a word, not in one
    if (base.isEmpty())
        base = recordKindName(kind);
    QSet<QString> taken;
    withList(l, kind, [&](const auto &list) {
        for (const auto &r : list)
            taken.insert(r.key);
        return 0;
    });
    QString key = base;
    for (int n = 2; taken.contains(key); ++n)
        key = QStringLiteral("%1-%2").arg(base).arg(n);
    return key;
}

ChangeSet ChangeSet::inverted() const
{
    ChangeSet out;
    out.text = text;
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        RecordChange c = *it;
        std::swap(c.before, c.after);
        out.changes.append(c);
    }
    return out;
}

void applyToLandscape(Landscape &landscape, const ChangeSet &changes)
{
    // Linear in the size of the lists and of the change (an import adds 100,000s of records):
    // one id → position map per kind, replacements in place, deletions marked and removed in
    // one pass, additions appended and the list sorted by id only when they do not come last.
    for (RecordKind kind : kRecordKinds) {
        withList(landscape, kind, [&](auto &list) {
            using T = typename std::decay_t<decltype(list)>::value_type;
            QHash<RowId, qsizetype> at;
            bool touched = false;
            for (const RecordChange &c : changes.changes)
                touched = touched || c.kind() == kind;
            if (!touched)
                return 0;
            at.reserve(list.size());
            for (qsizetype i = 0; i < list.size(); ++i)
                at.insert(list.at(i).id, i);
            QSet<RowId> removed;
            QList<T> added;
            for (const RecordChange &c : changes.changes) {
                if (c.kind() != kind)
                    continue;
                const RowId id = c.id();
                const auto it = at.constFind(id);
                if (!c.after) {
                    removed.insert(id);
                } else if (it != at.constEnd()) {
                    removed.remove(id); // deleted and added again in one set: replaced
                    list[*it] = std::get<T>(*c.after);
                } else {
                    added.append(std::get<T>(*c.after));
                }
            }
            if (!removed.isEmpty())
                list.removeIf([&](const T &r) { return removed.contains(r.id); });
            if (!added.isEmpty()) {
                const bool inOrder = list.isEmpty() || added.first().id > list.last().id;
                list.append(added);
                if (!inOrder)
                    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
                        return a.id < b.id;
                    });
            }
            return 0;
        });
    }
    landscape.index();
}

QString currentUserName()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return QDir::home().dirName();
}

} // namespace EcoAtlas
