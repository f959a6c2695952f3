// SPDX-License-Identifier: MIT
#include "LandscapeDocument.h"

#include "LandscapeJson.h"
#include "LandscapeStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QStandardPaths>

namespace EcoAtlas {

LandscapeDocument::LandscapeDocument(QObject *parent)
    : QObject(parent)
{}

LandscapeDocument::~LandscapeDocument() = default;

bool LandscapeDocument::open(const QString &path, Database::Mode mode, QString *error)
{
    auto db = std::make_unique<Database>();
    if (!db->open(path, mode, error))
        return false;
    std::optional<Landscape> landscape = LandscapeStore::load(*db, error);
    if (!landscape)
        return false;
    m_db = std::move(db);
    m_landscape = std::move(*landscape);
    m_undo.clear();
    emit landscapeReset();
    return true;
}

void LandscapeDocument::setLandscape(Landscape landscape)
{
    m_db.reset();
    m_landscape = std::move(landscape);
    m_landscape.index();
    emit landscapeReset();
}

void LandscapeDocument::close()
{
    m_db.reset();
    m_landscape = Landscape();
    emit landscapeReset();
}

QString LandscapeDocument::path() const
{
    return m_db ? m_db->path() : QString();
}

namespace {

/// One user action on the records (add, edit, delete, merge, revert, import), as applied by
/// LandscapeDocument::apply(). It is pushed after the action was applied (so that a refused
/// action leaves no command), hence its first redo() does nothing.
class ChangeCommand : public QUndoCommand
{
public:
    ChangeCommand(LandscapeDocument *doc, ChangeSet changes)
        : m_doc(doc)
        , m_changes(std::move(changes))
    {
        setText(m_changes.text);
    }
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            return;
        }
        ChangeSet again = m_changes;
        again.text = QObject::tr("Redo: %1").arg(m_changes.text);
        report(m_doc->applyDirect(again, &m_error));
    }
    void undo() override
    {
        ChangeSet back = m_changes.inverted();
        back.text = QObject::tr("Undo: %1").arg(m_changes.text);
        report(m_doc->applyDirect(back, &m_error));
    }

private:
    void report(bool ok)
    {
        if (!ok)
            emit m_doc->changeFailed(m_error);
    }

    LandscapeDocument *m_doc;
    ChangeSet m_changes;
    QString m_error;
    bool m_applied = true;
};

QString *fieldOf(Organization &o, const QString &field)
{
    if (field == QLatin1String("name_en"))
        return &o.nameEn;
    if (field == QLatin1String("name_zh"))
        return &o.nameZh;
    if (field == QLatin1String("country"))
        return &o.country;
    if (field == QLatin1String("notes"))
        return &o.notes;
    return nullptr;
}

/// The records of `list` for which `pred` holds.
template<typename T, typename P>
QList<T> where(const QList<T> &list, P &&pred)
{
    QList<T> out;
    for (const T &r : list)
        if (pred(r))
            out.append(r);
    return out;
}

/// How many records of `kind` use each key.
QHash<QString, int> keyCountsOf(const Landscape &l, RecordKind kind)
{
    QHash<QString, int> counts;
    auto count = [&counts](const auto &list) {
        counts.reserve(list.size());
        for (const auto &r : list)
            ++counts[r.key];
    };
    switch (kind) {
    case RecordKind::Source:
        count(l.sources);
        break;
    case RecordKind::Organization:
        count(l.organizations);
        break;
    case RecordKind::Sector:
        count(l.sectors);
        break;
    case RecordKind::Product:
        count(l.products);
        break;
    case RecordKind::Deal:
        count(l.deals);
        break;
    case RecordKind::Tie:
        count(l.ties);
        break;
    case RecordKind::Figure:
        count(l.figures);
        break;
    }
    return counts;
}

} // namespace

bool LandscapeDocument::isReadOnly() const
{
    return m_db && m_db->isReadOnly();
}

std::optional<Record> LandscapeDocument::record(RecordKind kind, RowId id) const
{
    return findRecord(m_landscape, kind, id);
}

QString LandscapeDocument::check(const Record &record) const
{
    QString error;
    QString member;
    const QJsonObject object = LandscapeJson::recordToJson(m_landscape, record);
    if (!LandscapeJson::recordFromJson(
                recordKind(record), object, m_landscape, recordId(record), &error, &member))
        return member.isEmpty() ? error : QStringLiteral("%1: %2").arg(member, error);
    if (isKeyTaken(m_landscape, recordKind(record), recordKey(record), recordId(record)))
        return QStringLiteral("key: '%1' is taken").arg(recordKey(record));
    return {};
}

ChangeSet LandscapeDocument::addChange(Record record, const QString &text) const
{
    setRecordId(record, maxRecordId(m_landscape, recordKind(record)) + 1);
    if (recordKey(record).isEmpty())
        setRecordKey(
                record,
                makeRecordKey(m_landscape, recordKind(record), recordTitle(record, m_landscape)));
    ChangeSet set;
    set.text = text.isEmpty() ? tr("Add %1").arg(recordKindName(recordKind(record))) : text;
    RecordChange c;
    c.after = std::move(record);
    set.changes.append(c);
    return set;
}

ChangeSet LandscapeDocument::editChange(const Record &after, const QString &text) const
{
    ChangeSet set;
    set.text = text.isEmpty() ? tr("Edit %1").arg(recordKindName(recordKind(after))) : text;
    RecordChange c;
    c.before = record(recordKind(after), recordId(after));
    c.after = after;
    if (c.before)
        set.changes.append(c);
    return set;
}

ChangeSet LandscapeDocument::deleteChange(RecordKind kind, RowId id) const
{
    ChangeSet set;
    const std::optional<Record> target = record(kind, id);
    if (!target)
        return set;
    set.text = tr("Delete %1").arg(recordTitle(*target, m_landscape));
    const Landscape &l = m_landscape;
    // Everything that goes with the record: what cannot exist without it.
    QSet<RowId> orgs, sectors, products, deals, ties, figures, sources;
    switch (kind) {
    case RecordKind::Organization:
        orgs.insert(id);
        break;
    case RecordKind::Sector:
        sectors.insert(id);
        break;
    case RecordKind::Product:
        products.insert(id);
        break;
    case RecordKind::Deal:
        deals.insert(id);
        break;
    case RecordKind::Tie:
        ties.insert(id);
        break;
    case RecordKind::Figure:
        figures.insert(id);
        break;
    case RecordKind::Source:
        sources.insert(id);
        break;
    }
    // An organization takes its ties, figures and products, and the claims it makes (a claim
    // without its claimant cannot be stored).
    for (const Product &p : l.products)
        if (orgs.contains(p.ownerId))
            products.insert(p.id);
    for (const Deal &d : l.deals)
        if (orgs.contains(d.evidence.claimantId))
            deals.insert(d.id);
    for (const Tie &t : l.ties)
        if (orgs.contains(t.fromId) || orgs.contains(t.toId) || sectors.contains(t.sectorId)
            || orgs.contains(t.evidence.claimantId))
            ties.insert(t.id);
    for (const Figure &f : l.figures)
        if (orgs.contains(f.subjectId) || orgs.contains(f.evidence.claimantId))
            figures.insert(f.id);
    auto drop = [&](const Record &r) {
        RecordChange c;
        c.before = r;
        if (m_db && recordKind(r) == RecordKind::Organization) {
            const auto stored = LandscapeStore::positionsOf(*m_db, recordId(r));
            for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
                c.positions.insert(it.key(), it->first);
                c.pinnedPositions.insert(it.key(), it->second);
            }
        }
        set.changes.append(c);
    };
    auto change = [&](const Record &before, const Record &after) {
        RecordChange c;
        c.before = before;
        c.after = after;
        set.changes.append(c);
    };
    auto withoutSources = [&](QList<RowId> ids) {
        ids.removeIf([&](RowId s) { return sources.contains(s); });
        return ids;
    };
    // References that are cleared (the record stays).
    for (const Source &s : l.sources) {
        if (sources.contains(s.id) || !sources.contains(s.viaId))
            continue;
        Source edited = s;
        edited.viaId = 0;
        change(s, edited);
    }
    for (const Product &p : l.products) {
        if (products.contains(p.id))
            continue;
        Product edited = p;
        edited.sourceIds = withoutSources(p.sourceIds);
        if (edited.sourceIds != p.sourceIds)
            change(p, edited);
    }
    for (const Deal &d : l.deals) {
        if (deals.contains(d.id))
            continue;
        Deal edited = d;
        edited.sourceIds = withoutSources(d.sourceIds);
        if (edited.sourceIds != d.sourceIds)
            change(d, edited);
    }
    for (const Tie &t : l.ties) {
        if (ties.contains(t.id))
            continue;
        Tie edited = t;
        if (products.contains(t.productId))
            edited.productId = 0;
        if (deals.contains(t.dealId))
            edited.dealId = 0;
        edited.sourceIds = withoutSources(t.sourceIds);
        if (edited.productId != t.productId || edited.dealId != t.dealId
            || edited.sourceIds != t.sourceIds)
            change(t, edited);
    }
    for (const Figure &f : l.figures) {
        if (figures.contains(f.id))
            continue;
        Figure edited = f;
        if (products.contains(f.productId))
            edited.productId = 0;
        edited.sourceIds = withoutSources(f.sourceIds);
        if (edited.productId != f.productId || edited.sourceIds != f.sourceIds)
            change(f, edited);
    }
    // The deletions, dependents before the record they depend on (apply() orders them too).
    for (const Figure &f :
         where(l.figures, [&](const Figure &f) { return figures.contains(f.id); }))
        drop(f);
    for (const Tie &t : where(l.ties, [&](const Tie &t) { return ties.contains(t.id); }))
        drop(t);
    for (const Deal &d : where(l.deals, [&](const Deal &d) { return deals.contains(d.id); }))
        drop(d);
    for (const Product &p :
         where(l.products, [&](const Product &p) { return products.contains(p.id); }))
        drop(p);
    for (const Sector &x :
         where(l.sectors, [&](const Sector &x) { return sectors.contains(x.id); }))
        drop(x);
    for (const Organization &g :
         where(l.organizations, [&](const Organization &g) { return orgs.contains(g.id); }))
        drop(g);
    for (const Source &s :
         where(l.sources, [&](const Source &s) { return sources.contains(s.id); }))
        drop(s);
    return set;
}

QString LandscapeDocument::consequences(const ChangeSet &changes, RecordKind target)
{
    QMap<RecordKind, int> deleted;
    int changed = 0;
    for (const RecordChange &c : changes.changes) {
        if (!c.after)
            ++deleted[c.kind()];
        else if (c.before)
            ++changed;
    }
    if (deleted.value(target) > 0)
        --deleted[target]; // the record the user chose
    QStringList parts;
    for (auto it = deleted.constBegin(); it != deleted.constEnd(); ++it) {
        if (it.value() == 0)
            continue;
        const QString name = recordKindName(it.key());
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.value() == 1 ? name : name + u's');
    }
    QString text;
    if (!parts.isEmpty())
        text = tr("also deletes %1").arg(parts.join(tr(" and ")));
    if (changed > 0)
        text += (text.isEmpty() ? QString() : QStringLiteral("; "))
                + (changed == 1
                           ? tr("removes references to it from 1 other record")
                           : tr("removes references to it from %1 other records").arg(changed));
    return text;
}

ChangeSet LandscapeDocument::mergeChange(RowId keepId, RowId dropId) const
{
    ChangeSet set;
    const Organization *keep = m_landscape.organization(keepId);
    const Organization *gone = m_landscape.organization(dropId);
    if (!keep || !gone || keepId == dropId)
        return set;
    set.text = tr("Merge %1 into %2").arg(gone->nameEn, keep->nameEn);
    auto move = [&](RowId &id) {
        if (id == dropId) {
            id = keepId;
            return true;
        }
        return false;
    };
    auto change = [&](const Record &before, const Record &after) {
        RecordChange c;
        c.before = before;
        c.after = after;
        set.changes.append(c);
    };
    Organization kept = *keep;
    for (const QString &name : QStringList{gone->nameEn, gone->nameZh} + gone->aliases) {
        if (!name.isEmpty() && name != kept.nameEn && name != kept.nameZh
            && !kept.aliases.contains(name))
            kept.aliases.append(name);
    }
    for (const QString &role : Vocabulary::roles())
        if (gone->roles.contains(role) && !kept.roles.contains(role))
            kept.roles.append(role);
    std::sort(kept.roles.begin(), kept.roles.end(), [](const QString &a, const QString &b) {
        return Vocabulary::roles().indexOf(a) < Vocabulary::roles().indexOf(b);
    });
    if (kept.country.isEmpty())
        kept.country = gone->country;
    if (!gone->notes.isEmpty() && !kept.notes.contains(gone->notes))
        kept.notes = kept.notes.isEmpty() ? gone->notes
                                          : kept.notes + QLatin1Char('\n') + gone->notes;
    QList<Tie> dropped;
    for (const Tie &t : m_landscape.ties) {
        Tie edited = t;
        const bool moved = move(edited.fromId) | move(edited.toId)
                           | move(edited.evidence.claimantId);
        if (!moved)
            continue;
        if (edited.fromId == edited.toId)
            dropped.append(t); // a tie between the two: nothing left to tie
        else
            change(t, edited);
    }
    for (const Figure &f : m_landscape.figures) {
        Figure edited = f;
        if (move(edited.subjectId) | move(edited.evidence.claimantId))
            change(f, edited);
    }
    for (const Product &p : m_landscape.products) {
        Product edited = p;
        if (move(edited.ownerId))
            change(p, edited);
    }
    for (const Deal &d : m_landscape.deals) {
        Deal edited = d;
        if (move(edited.evidence.claimantId))
            change(d, edited);
    }
    if (kept.aliases != keep->aliases || kept.roles != keep->roles || kept.country != keep->country
        || kept.notes != keep->notes)
        change(*keep, kept);
    for (const Tie &t : std::as_const(dropped)) {
        RecordChange c;
        c.before = t;
        set.changes.append(c);
    }
    RecordChange c;
    c.before = *gone;
    if (m_db) {
        const auto stored = LandscapeStore::positionsOf(*m_db, dropId);
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
            c.positions.insert(it.key(), it->first);
            c.pinnedPositions.insert(it.key(), it->second);
        }
    }
    set.changes.append(c);
    return set;
}

bool LandscapeDocument::apply(const ChangeSet &changes, QString *error)
{
    if (changes.isEmpty())
        return true;
    if (!applyDirect(changes, error))
        return false;
    m_undo.push(new ChangeCommand(this, changes));
    return true;
}

bool LandscapeDocument::applyDirect(const ChangeSet &changes, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isReadOnly()) {
        *error = tr("%1 is open read-only").arg(m_db->path());
        return false;
    }
    // Every changed or added record must be one the store can hold, in the landscape as it
    // will be (a change may refer to a record added by the same set).
    Landscape after = m_landscape;
    applyToLandscape(after, changes);
    LandscapeJson::RecordReader reader(after);
    QHash<RecordKind, QHash<QString, int>> keyCounts; // key uniqueness, counted once per kind
    for (const RecordChange &c : changes.changes) {
        if (!c.after)
            continue;
        QString problem, member;
        if (!reader.read(c.kind(),
                         LandscapeJson::recordToJson(after, *c.after),
                         c.id(),
                         &problem,
                         &member)) {
            *error = QStringLiteral("%1 '%2': %3")
                             .arg(recordKindName(c.kind()),
                                  recordKey(*c.after),
                                  member.isEmpty() ? problem
                                                   : member + QStringLiteral(": ") + problem);
            return false;
        }
        QHash<QString, int> &counts = keyCounts[c.kind()];
        if (counts.isEmpty())
            counts = keyCountsOf(after, c.kind());
        if (counts.value(recordKey(*c.after)) > 1) {
            *error = tr("%1 '%2': the key is taken")
                             .arg(recordKindName(c.kind()), recordKey(*c.after));
            return false;
        }
    }
    const QList<HistoryEntry> entries = LandscapeJson::describeChanges(changes, m_landscape, after);
    if (m_db) {
        if (!LandscapeStore::apply(*m_db, changes, entries, error))
            return false;
    } else {
        qint64 action = m_memoryHistory.isEmpty() ? 1 : m_memoryHistory.last().actionId + 1;
        for (HistoryEntry e : entries) {
            e.actionId = action;
            e.id = m_memoryHistory.size() + 1;
            m_memoryHistory.append(e);
        }
    }
    m_landscape = std::move(after);
    emit landscapeChanged();
    return true;
}

QList<HistoryEntry> LandscapeDocument::history(QString *error) const
{
    if (!m_db)
        return m_memoryHistory;
    return LandscapeStore::loadHistory(*m_db, error);
}

bool LandscapeDocument::revert(const HistoryEntry &entry, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const std::optional<Record> current = record(entry.kind, entry.recordId);
    ChangeSet set;
    if (entry.field.isEmpty()) {
        // A whole record added or deleted: reverting deletes or restores it.
        if (entry.oldValue.isEmpty()) {
            if (!current) {
                *error = tr("%1 no longer exists").arg(entry.recordTitle);
                return false;
            }
            set = deleteChange(entry.kind, entry.recordId);
        } else {
            if (current) {
                *error = tr("%1 exists again").arg(entry.recordTitle);
                return false;
            }
            const QJsonObject object = QJsonDocument::fromJson(entry.oldValue.toUtf8()).object();
            QString member;
            std::optional<Record> restored = LandscapeJson::recordFromJson(
                    entry.kind, object, m_landscape, entry.recordId, error, &member);
            if (!restored) {
                if (!member.isEmpty())
                    *error = QStringLiteral("%1: %2").arg(member, *error);
                return false;
            }
            RecordChange c;
            c.after = *restored;
            set.changes.append(c);
        }
    } else {
        if (!current) {
            *error = tr("%1 no longer exists").arg(entry.recordTitle);
            return false;
        }
        QJsonObject object = LandscapeJson::recordToJson(m_landscape, *current);
        const QJsonDocument wrapped = QJsonDocument::fromJson(
                QByteArray("[") + entry.oldValue.toUtf8() + QByteArray("]"));
        if (!wrapped.isArray() || wrapped.array().isEmpty()) {
            *error = tr("the recorded value cannot be read");
            return false;
        }
        object.insert(entry.field, wrapped.array().at(0));
        QString member;
        std::optional<Record> reverted = LandscapeJson::recordFromJson(
                entry.kind, object, m_landscape, entry.recordId, error, &member);
        if (!reverted) {
            if (!member.isEmpty())
                *error = QStringLiteral("%1: %2").arg(member, *error);
            return false;
        }
        set = editChange(*reverted);
    }
    set.text = tr("Revert %1 of %2")
                       .arg(entry.field.isEmpty() ? tr("change") : entry.field, entry.recordTitle);
    return apply(set, error);
}

bool LandscapeDocument::editOrganization(RowId id,
                                         const QString &field,
                                         const QString &value,
                                         QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const Organization *current = m_landscape.organization(id);
    if (!current) {
        *error = QStringLiteral("no organization with id %1").arg(id);
        return false;
    }
    Organization edited = *current;
    QString *target = fieldOf(edited, field);
    if (!target) {
        *error = QStringLiteral("'%1' cannot be edited").arg(field);
        return false;
    }
    *target = field == QLatin1String("notes") ? value : value.trimmed();
    if (field == QLatin1String("country"))
        *target = target->toUpper();
    if (edited.nameEn.isEmpty()) {
        *error = QStringLiteral("an organization needs an English name");
        return false;
    }
    static const QHash<QString, QString> names{{QStringLiteral("name_en"), tr("name")},
                                               {QStringLiteral("name_zh"), tr("Chinese name")},
                                               {QStringLiteral("country"), tr("country")},
                                               {QStringLiteral("notes"), tr("notes")}};
    return apply(editChange(edited, tr("Edit %1").arg(names.value(field))), error);
}

bool LandscapeDocument::saveCopy(const QString &path, QString *error) const
{
    if (!m_db) {
        *error = QStringLiteral("this landscape has no database to copy");
        return false;
    }
    return m_db->copyTo(path, error);
}

Landscape LandscapeDocument::seedLandscape()
{
    QFile file(QStringLiteral(":/seed/landscape.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the bundled seed landscape is missing from this build");
    QString error;
    std::optional<Landscape> l = LandscapeJson::fromJson(file.readAll(), &error);
    if (!l)
        qFatal("the bundled seed landscape does not parse: %s", qPrintable(error));
    return *l;
}

bool LandscapeDocument::createSeedDatabase(const QString &path, QString *error)
{
    return LandscapeStore::createFile(path, seedLandscape(), error);
}

QString LandscapeDocument::ensureUserDatabase(QString *error)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(dir);
        return {};
    }
    const QString path = QDir(dir).filePath(QStringLiteral("landscape.ecoatlas"));
    if (!QFileInfo::exists(path) && !createSeedDatabase(path, error))
        return {};
    return path;
}

} // namespace EcoAtlas
