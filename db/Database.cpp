// SPDX-License-Identifier: MIT
#include "Database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <optional>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace EcoAtlas {

namespace {

QAtomicInt s_connectionCounter;

// Schema 3: the evidence every tie, deal and figure carries (EvidenceGrade), its checks, and
// how a schema-2 claim is graded.
#define EVIDENCE_COLUMNS \
    " evidence TEXT NOT NULL DEFAULT 'reported' CHECK (evidence IN ('reported','claimed'," \
    "'inferred')), claimant_id INTEGER REFERENCES organization(id) ON DELETE SET NULL," \
    " rationale TEXT, caveat TEXT,"
#define EVIDENCE_CHECKS \
    " CHECK (evidence <> 'claimed' OR claimant_id IS NOT NULL)," \
    " CHECK (evidence <> 'inferred' OR trim(coalesce(rationale, '')) <> '')"
#define PARTY_SET_COLUMN \
    " party_set TEXT NOT NULL DEFAULT 'closed' CHECK (party_set IN ('closed','open')),"
// A schema-2 claim with a claimant becomes "claimed"; one without (which schema 3 cannot hold
// as a claim) stays "reported" with a caveat that says so.
#define V2_GRADE "CASE WHEN is_claim AND claimant_id IS NOT NULL THEN 'claimed' ELSE 'reported' END"
#define V2_CAVEAT \
    "CASE WHEN is_claim AND claimant_id IS NULL THEN 'Marked as a claim without a claimant in " \
    "a file written before evidence grades (schema 2).' END"

/// Forward-only migrations: entry i brings a file from version i to version i + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> m{
            // 0 → 1: the landscape.
            {
                    QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId),
                    QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE source (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " publisher TEXT NOT NULL, title TEXT NOT NULL, date TEXT, url TEXT,"
                            " via_id INTEGER REFERENCES source(id) ON DELETE SET NULL, notes "
                            "TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE organization (id INTEGER PRIMARY KEY,"
                            " key TEXT NOT NULL UNIQUE, name_en TEXT NOT NULL CHECK (name_en <> "
                            "''),"
                            " name_zh TEXT, country TEXT,"
                            " parent_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,"
                            " notes TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE organization_alias (organization_id INTEGER NOT NULL"
                            " REFERENCES organization(id) ON DELETE CASCADE, alias TEXT NOT NULL,"
                            " position INTEGER NOT NULL, PRIMARY KEY (organization_id, alias))"),
                    QStringLiteral(
                            "CREATE TABLE organization_role (organization_id INTEGER NOT NULL"
                            " REFERENCES organization(id) ON DELETE CASCADE, role TEXT NOT NULL"
                            " CHECK (role IN ('cloud_vendor','chip_vendor','model_developer',"
                            "'industry_client','investor','government','other')),"
                            " PRIMARY KEY (organization_id, role))"),
                    QStringLiteral(
                            "CREATE TABLE product (id INTEGER PRIMARY KEY, key TEXT NOT NULL "
                            "UNIQUE,"
                            " owner_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE "
                            "CASCADE,"
                            " name_en TEXT NOT NULL, name_zh TEXT, kind TEXT NOT NULL CHECK (kind "
                            "IN"
                            " ('model_platform','ai_platform','community','computing_cluster',"
                            "'database','model','chip','other')), launched TEXT, notes TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE deal (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " title TEXT NOT NULL, amount REAL, currency TEXT, amount_qualifier "
                            "TEXT,"
                            " units REAL, units_qualifier TEXT, chip_model TEXT, notes TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE tie (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL CHECK (kind IN"
                            " ('hosting','investment','chip_order','partnership')),"
                            " from_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE "
                            "CASCADE,"
                            " to_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,"
                            " product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
                            " deal_id INTEGER REFERENCES deal(id) ON DELETE SET NULL,"
                            " start_date TEXT, end_date TEXT, is_claim INTEGER NOT NULL DEFAULT 0,"
                            " claimant_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,"
                            " description TEXT, CHECK (from_id <> to_id))"),
                    QStringLiteral(
                            "CREATE TABLE hosting (tie_id INTEGER PRIMARY KEY"
                            " REFERENCES tie(id) ON DELETE CASCADE, service TEXT NOT NULL CHECK"
                            " (service IN ('training','inference','vector_database',"
                            "'computing_cluster','development_platform','general')))"),
                    QStringLiteral(
                            "CREATE TABLE investment (tie_id INTEGER PRIMARY KEY"
                            " REFERENCES tie(id) ON DELETE CASCADE, amount REAL, currency TEXT,"
                            " amount_qualifier TEXT NOT NULL, round TEXT, is_lead INTEGER)"),
                    QStringLiteral(
                            "CREATE TABLE chip_order (tie_id INTEGER PRIMARY KEY"
                            " REFERENCES tie(id) ON DELETE CASCADE, chip_model TEXT,"
                            " units REAL, units_qualifier TEXT NOT NULL, amount REAL, currency "
                            "TEXT,"
                            " amount_qualifier TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN"
                            " ('ordered','delivered','at_risk','cancelled')), status_date TEXT,"
                            " delivery_date TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE figure (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " subject_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE "
                            "CASCADE,"
                            " product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
                            " metric TEXT NOT NULL, value REAL, currency TEXT,"
                            " qualifier TEXT NOT NULL, unit TEXT, as_of TEXT,"
                            " is_claim INTEGER NOT NULL DEFAULT 0,"
                            " claimant_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,"
                            " statement TEXT NOT NULL)"),
                    QStringLiteral(
                            "CREATE TABLE tie_source (tie_id INTEGER NOT NULL REFERENCES tie(id)"
                            " ON DELETE CASCADE, source_id INTEGER NOT NULL REFERENCES source(id)"
                            " ON DELETE CASCADE, PRIMARY KEY (tie_id, source_id))"),
                    QStringLiteral(
                            "CREATE TABLE figure_source (figure_id INTEGER NOT NULL REFERENCES"
                            " figure(id) ON DELETE CASCADE, source_id INTEGER NOT NULL REFERENCES"
                            " source(id) ON DELETE CASCADE, PRIMARY KEY (figure_id, source_id))"),
                    QStringLiteral(
                            "CREATE TABLE product_source (product_id INTEGER NOT NULL REFERENCES"
                            " product(id) ON DELETE CASCADE, source_id INTEGER NOT NULL REFERENCES"
                            " source(id) ON DELETE CASCADE, PRIMARY KEY (product_id, source_id))"),
                    QStringLiteral(
                            "CREATE TABLE deal_source (deal_id INTEGER NOT NULL REFERENCES deal(id)"
                            " ON DELETE CASCADE, source_id INTEGER NOT NULL REFERENCES source(id)"
                            " ON DELETE CASCADE, PRIMARY KEY (deal_id, source_id))"),
                    QStringLiteral("CREATE INDEX tie_from ON tie(from_id)"),
                    QStringLiteral("CREATE INDEX tie_to ON tie(to_id)"),
            },
            // 1 → 2: where the views left things (network diagram positions, pins).
            {
                    QStringLiteral(
                            "CREATE TABLE node_position (view TEXT NOT NULL, organization_id "
                            "INTEGER"
                            " NOT NULL REFERENCES organization(id) ON DELETE CASCADE,"
                            " x REAL NOT NULL, y REAL NOT NULL, pinned INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (view, organization_id))"),
            },
            // 2 → 3: evidence grades on ties, deals and figures (today's claims become
            // "claimed", facts "reported"), open party sets, sectors, the tie kinds ownership,
            // backing, compatibility and serves, and a parent that is an ownership tie (one
            // truth: the organization's parent_id column goes). Tables whose constraints change
            // are rebuilt (SQLite's "making other kinds of table schema changes" procedure;
            // foreign keys are off around the migration and checked before the commit).
            {
                    QStringLiteral(
                            "CREATE TABLE sector (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " name_en TEXT NOT NULL CHECK (name_en <> ''), name_zh TEXT, notes "
                            "TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE tie_v3 (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL CHECK (kind IN ('hosting','investment',"
                            "'chip_order','partnership','ownership','backing','compatibility',"
                            "'serves')),"
                            " from_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE "
                            "CASCADE,"
                            " to_id INTEGER REFERENCES organization(id) ON DELETE CASCADE,"
                            " sector_id INTEGER REFERENCES sector(id) ON DELETE CASCADE,"
                            " product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
                            " deal_id INTEGER REFERENCES deal(id) ON DELETE SET NULL,"
                            " start_date TEXT, end_date TEXT," EVIDENCE_COLUMNS
                            " description TEXT, CHECK (from_id <> to_id),"
                            " CHECK ((kind = 'serves') = (to_id IS NULL)),"
                            " CHECK ((kind = 'serves') = (sector_id IS NOT NULL))," EVIDENCE_CHECKS
                            ")"),
                    QStringLiteral("INSERT INTO tie_v3 (id, key, kind, from_id, to_id, product_id, "
                                   "deal_id, start_date, end_date, evidence, claimant_id, caveat, "
                                   "description) SELECT id, key, kind, from_id, to_id, product_id, "
                                   "deal_id, start_date, end_date, " V2_GRADE
                                   ", claimant_id, " V2_CAVEAT ", description FROM tie"),
                    QStringLiteral(
                            "INSERT INTO tie_v3 (key, kind, from_id, to_id, evidence, rationale, "
                            "description) SELECT p.key || '-owns-' || c.key || CASE WHEN EXISTS "
                            "(SELECT 1 FROM tie t WHERE t.key = p.key || '-owns-' || c.key) THEN "
                            "'-' || c.id ELSE '' END, 'ownership', p.id, c.id, 'inferred', "
                            "'Recorded as the organization''s parent, without a source, in a file "
                            "written before ownership ties (schema 2).', '' FROM organization c "
                            "JOIN organization p ON p.id = c.parent_id WHERE c.parent_id <> c.id"),
                    QStringLiteral("DROP TABLE tie"),
                    QStringLiteral("ALTER TABLE tie_v3 RENAME TO tie"),
                    QStringLiteral("CREATE INDEX tie_from ON tie(from_id)"),
                    QStringLiteral("CREATE INDEX tie_to ON tie(to_id)"),
                    QStringLiteral("CREATE INDEX tie_sector ON tie(sector_id)"),
                    QStringLiteral("CREATE TABLE ownership (tie_id INTEGER PRIMARY KEY"
                                   " REFERENCES tie(id) ON DELETE CASCADE, stake REAL"
                                   " CHECK (stake IS NULL OR (stake > 0 AND stake <= 100)),"
                                   " stake_qualifier TEXT NOT NULL)"),
                    QStringLiteral("INSERT INTO ownership (tie_id, stake, stake_qualifier) SELECT "
                                   "id, NULL, 'undisclosed' FROM tie WHERE kind = 'ownership'"),
                    QStringLiteral("CREATE TABLE compatibility (tie_id INTEGER PRIMARY KEY"
                                   " REFERENCES tie(id) ON DELETE CASCADE, chip_model TEXT)"),
                    QStringLiteral(
                            "CREATE TABLE organization_v3 (id INTEGER PRIMARY KEY,"
                            " key TEXT NOT NULL UNIQUE, name_en TEXT NOT NULL CHECK (name_en <> "
                            "''), name_zh TEXT, country TEXT, notes TEXT)"),
                    QStringLiteral("INSERT INTO organization_v3 (id, key, name_en, name_zh, "
                                   "country, notes) SELECT id, key, name_en, name_zh, country, "
                                   "notes FROM organization"),
                    QStringLiteral("DROP TABLE organization"),
                    QStringLiteral("ALTER TABLE organization_v3 RENAME TO organization"),
                    QStringLiteral(
                            "CREATE TABLE deal_v3 (id INTEGER PRIMARY KEY, key TEXT NOT NULL "
                            "UNIQUE, title TEXT NOT NULL, amount REAL, currency TEXT, "
                            "amount_qualifier TEXT, units REAL, units_qualifier TEXT, chip_model "
                            "TEXT, notes TEXT," EVIDENCE_COLUMNS PARTY_SET_COLUMN EVIDENCE_CHECKS
                            ")"),
                    QStringLiteral("INSERT INTO deal_v3 (id, key, title, amount, currency, "
                                   "amount_qualifier, units, units_qualifier, chip_model, notes) "
                                   "SELECT id, key, title, amount, currency, amount_qualifier, "
                                   "units, units_qualifier, chip_model, notes FROM deal"),
                    QStringLiteral("DROP TABLE deal"),
                    QStringLiteral("ALTER TABLE deal_v3 RENAME TO deal"),
                    QStringLiteral(
                            "CREATE TABLE figure_v3 (id INTEGER PRIMARY KEY, key TEXT NOT NULL "
                            "UNIQUE,"
                            " subject_id INTEGER REFERENCES organization(id) ON DELETE CASCADE,"
                            " product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
                            " metric TEXT NOT NULL, value REAL, currency TEXT,"
                            " qualifier TEXT NOT NULL, unit TEXT, as_of TEXT," EVIDENCE_COLUMNS
                                    PARTY_SET_COLUMN " statement TEXT NOT NULL," EVIDENCE_CHECKS
                            ")"),
                    QStringLiteral(
                            "INSERT INTO figure_v3 (id, key, subject_id, product_id, metric, "
                            "value, currency, qualifier, unit, as_of, evidence, claimant_id, "
                            "caveat, statement) SELECT id, key, subject_id, product_id, metric, "
                            "value, currency, qualifier, unit, as_of, " V2_GRADE
                            ", claimant_id, " V2_CAVEAT ", statement FROM figure"),
                    QStringLiteral("DROP TABLE figure"),
                    QStringLiteral("ALTER TABLE figure_v3 RENAME TO figure"),
            },
            // 3 → 4: the change history (who changed which field of which record, when, from
            // what to what; LandscapeStore::apply writes it with every change).
            {
                    QStringLiteral(
                            "CREATE TABLE history (id INTEGER PRIMARY KEY, action_id INTEGER NOT "
                            "NULL, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,"
                            " record_kind TEXT NOT NULL CHECK (record_kind IN ('source',"
                            "'organization','sector','product','deal','tie','figure')),"
                            " record_id INTEGER NOT NULL, record_key TEXT NOT NULL, record_title "
                            "TEXT, field TEXT NOT NULL, old_value TEXT, new_value TEXT)"),
                    QStringLiteral("CREATE INDEX history_record ON history(record_kind, "
                                   "record_id)"),
                    // … and two fields a journalist keeps: an organization's website, the day
                    // a web source was retrieved.
                    QStringLiteral("ALTER TABLE organization ADD COLUMN website TEXT"),
                    QStringLiteral("ALTER TABLE source ADD COLUMN retrieved_on TEXT"),
            },
    };
    return m;
}

QString sqlError(const QString &what, const QSqlError &e)
{
    return QStringLiteral("%1: %2").arg(what, e.text().trimmed());
}

/// fsync(2) of an open file descriptor; true where there is no such call.
bool syncToDisk(int fd)
{
#if defined(Q_OS_UNIX)
    return fd >= 0 && ::fsync(fd) == 0;
#elif defined(Q_OS_WIN)
    return fd >= 0 && ::_commit(fd) == 0;
#else
    Q_UNUSED(fd);
    return true;
#endif
}

/// Makes a rename in `folder` durable (fsync of the folder); best effort, Unix only.
void syncDirectory(const QString &folder)
{
#if defined(Q_OS_UNIX)
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

/// Whether the SQLite header of `path` says WAL mode (file format bytes 18 and 19 are 2).
bool isWalModeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    return header.size() == 20 && header.at(18) == 2 && header.at(19) == 2;
}

/// Reads one integer pragma; nullopt (and `*error`) on failure. Any int is a valid value:
/// application_id and user_version are signed 32-bit header fields and may be negative.
std::optional<int> pragmaInt(QSqlDatabase db, const QString &name, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(name)) || !q.next()) {
        if (error)
            *error = sqlError(QStringLiteral("reading %1").arg(name), q.lastError());
        return std::nullopt;
    }
    return q.value(0).toInt();
}

QString quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

/// A stored value as a message shows it: text quoted and cut at 40 characters.
QString shown(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    if (v.typeId() == QMetaType::QString) {
        const QString t = v.toString();
        return QLatin1Char('\'') + (t.size() > 40 ? t.left(40) + QChar(0x2026) : t)
               + QLatin1Char('\'');
    }
    return v.toString();
}

/// Names a row for a message: its key and id when the table has them, else (a link table) its
/// first two columns, e.g. "key 'baidu', id 6" or "organization_id 4, role 'wizard'".
QString describeRow(const QStringList &columns, const QVariantList &values)
{
    QStringList described;
    for (const QString &name : {QStringLiteral("key"), QStringLiteral("id")}) {
        const qsizetype i = columns.indexOf(name);
        if (i >= 0 && i < values.size())
            described << QStringLiteral("%1 %2").arg(name, shown(values.at(i)));
    }
    if (described.isEmpty()) {
        for (qsizetype i = 0; i < columns.size() && i < values.size() && i < 2; ++i)
            described << QStringLiteral("%1 %2").arg(columns.at(i), shown(values.at(i)));
    }
    return described.join(QLatin1String(", "));
}

/// The tables (name → CREATE TABLE statement) this build gives a file of schema `version`:
/// the migrations run once on an in-memory database, then cached. Empty if that fails.
QHash<QString, QString> pristineTables(int version)
{
    static QMutex mutex;
    static QHash<int, QHash<QString, QString>> cache;
    const QMutexLocker lock(&mutex);
    const auto found = cache.constFind(version);
    if (found != cache.constEnd())
        return *found;
    QHash<QString, QString> tables;
    const QString name = QStringLiteral("ecoatlas-pristine-%1")
                                 .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        bool ok = db.open();
        for (int v = 0; ok && v < version && v < migrations().size(); ++v) {
            for (const QString &sql : migrations().at(v))
                ok = ok && execSql(db, sql, nullptr);
        }
        QSqlQuery q(db);
        if (ok
            && q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = "
                                     "'table'"))) {
            while (q.next())
                tables.insert(q.value(0).toString(), q.value(1).toString());
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    cache.insert(version, tables);
    return tables;
}

/// Checks every row of every table of `db` (a file of schema `version`) against the
/// constraints this build gives that table. SQLite checks CHECK, NOT NULL and UNIQUE only when
/// a row is written (a file written with PRAGMA ignore_check_constraints, or whose schema text
/// was edited through PRAGMA writable_schema, may hold rows that break them), and has no pragma
/// that re-checks stored rows. So each table is copied into an empty TEMP table made from this
/// build's CREATE TABLE statement for it (pristineTables(); the file's own for a table this
/// build does not know), with INSERT OR IGNORE: a row that breaks a constraint is not copied.
/// Fast (one INSERT … SELECT per table), and writes only to the connection's temporary
/// database, so it runs on read-only and immutable connections. Returns an empty string when
/// every row passes, otherwise a message naming the table, the row and the constraint (or a
/// table or column that is missing). With `all`, every table is checked and each table's
/// message is appended there; the first is returned.
QString constraintViolation(QSqlDatabase db, int version, QStringList *all = nullptr)
{
    static const QRegularExpression head(
            QStringLiteral(
                    R"(^\s*CREATE\s+TABLE\s+("(?:[^"]|"")*"|\[[^\]]*\]|`[^`]*`|'[^']*'|[^\s(]+))"),
            QRegularExpression::CaseInsensitiveOption);
    const QString scratch = QStringLiteral("temp.ecoatlas_constraint_check");
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT name, sql FROM main.sqlite_master WHERE type = "
                                    "'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                    "ORDER BY name"))) {
        return sqlError(QStringLiteral("reading the schema"), tables.lastError());
    }
    QList<QPair<QString, QString>> schema;
    while (tables.next())
        schema.append({tables.value(0).toString(), tables.value(1).toString()});
    tables.finish();
    const QHash<QString, QString> pristine = pristineTables(version);
    QStringList missing;
    for (auto it = pristine.cbegin(); it != pristine.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("sqlite_"))
            && std::none_of(schema.cbegin(), schema.cend(), [&](const auto &t) {
                   return t.first == it.key();
               }))
            missing << it.key();
    }
    if (!missing.isEmpty()) {
        missing.sort();
        return QStringLiteral("table %1 of schema %2 is missing")
                .arg(missing.join(QLatin1String(", ")))
                .arg(version);
    }
    QSqlQuery q(db);
    const auto dropScratch = [&] {
        q.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(scratch));
    };
    for (const auto &[table, fileSql] : schema) {
        const QString createSql = pristine.value(table, fileSql);
        const QRegularExpressionMatch m = head.match(createSql);
        if (!m.hasMatch())
            return QStringLiteral("table %1 has a schema EcoAtlas cannot read").arg(table);
        QString sql = createSql;
        sql.replace(
                m.capturedStart(), m.capturedLength(), QStringLiteral("CREATE TABLE ") + scratch);
        dropScratch();
        if (!q.exec(sql))
            return sqlError(QStringLiteral("checking table %1").arg(table), q.lastError());
        QStringList names, columns;
        if (!q.exec(QStringLiteral("PRAGMA temp.table_info(ecoatlas_constraint_check)")))
            return sqlError(QStringLiteral("reading the columns of %1").arg(table), q.lastError());
        while (q.next()) {
            names << q.value(1).toString();
            columns << quoted(names.last());
        }
        const QString list = columns.join(QLatin1String(", "));
        if (!q.exec(QStringLiteral("INSERT OR IGNORE INTO %1 (%2) SELECT %2 FROM main.%3")
                            .arg(scratch, list, quoted(table)))) {
            const QString e = QStringLiteral("table %1 does not have the columns of schema %2 "
                                             "(%3)")
                                      .arg(table)
                                      .arg(version)
                                      .arg(q.lastError().databaseText().trimmed());
            dropScratch();
            return e;
        }
        const qint64 copied = q.numRowsAffected();
        if (!q.exec(QStringLiteral("SELECT count(*) FROM main.%1").arg(quoted(table))) || !q.next())
            return sqlError(QStringLiteral("counting the rows of %1").arg(table), q.lastError());
        const qint64 total = q.value(0).toLongLong();
        if (copied == total) {
            dropScratch();
            continue;
        }
        // Name the first row that was not copied, and the constraint it breaks (a plain INSERT
        // of it gives SQLite's message, e.g. "CHECK constraint failed: name_en <> ''").
        QString message = QStringLiteral("%1 of %2 rows of table %3 break its constraints")
                                  .arg(total - copied)
                                  .arg(total)
                                  .arg(table);
        if (q.exec(QStringLiteral("SELECT %2 FROM main.%3 EXCEPT SELECT %2 FROM %1 LIMIT 1")
                           .arg(scratch, list, quoted(table)))
            && q.next()) {
            QVariantList values;
            QStringList placeholders;
            for (int i = 0; i < columns.size(); ++i) {
                values << q.value(i);
                placeholders << QStringLiteral("?");
            }
            QString reason;
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(scratch, list, placeholders.join(QLatin1String(", "))));
            for (const QVariant &v : values)
                insert.addBindValue(v);
            if (!insert.exec())
                reason = insert.lastError().databaseText().trimmed();
            insert.finish();
            message = QStringLiteral("row %1 of table %2 breaks its constraints%3")
                              .arg(describeRow(names, values),
                                   table,
                                   reason.isEmpty() ? QString()
                                                    : QStringLiteral(" (%1)").arg(reason));
            if (total - copied > 1)
                message += QStringLiteral(", and %1 more rows do").arg(total - copied - 1);
        }
        q.finish();
        dropScratch();
        if (!all)
            return message;
        all->append(message);
    }
    return all && !all->isEmpty() ? all->first() : QString();
}

/// The rows of `db` whose foreign key refers to a row that does not exist (PRAGMA
/// foreign_key_check, which works whether or not foreign keys are enforced), one message each
/// naming the table, the row, the column and the table referred to, at most `limit` of them
/// (then one line saying how many more); empty when there is none.
QStringList danglingReferences(QSqlDatabase db, int limit)
{
    struct Dangling
    {
        QString table;
        qint64 rowid;
        QString parent;
        int fkid;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA main.foreign_key_check")))
        return {sqlError(QStringLiteral("checking references"), q.lastError())};
    QList<Dangling> found;
    qint64 total = 0;
    while (q.next()) {
        if (++total <= limit)
            found.append({q.value(0).toString(),
                          q.value(1).toLongLong(),
                          q.value(2).toString(),
                          q.value(3).toInt()});
    }
    q.finish();
    QStringList messages;
    for (const Dangling &d : std::as_const(found)) {
        QStringList from;
        if (q.exec(QStringLiteral("PRAGMA main.foreign_key_list(%1)").arg(quoted(d.table)))) {
            while (q.next())
                if (q.value(0).toInt() == d.fkid)
                    from << q.value(3).toString();
        }
        QStringList names;
        QVariantList values;
        if (q.exec(QStringLiteral("SELECT * FROM main.%1 WHERE rowid = %2")
                           .arg(quoted(d.table))
                           .arg(d.rowid))
            && q.next()) {
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i) {
                names << record.fieldName(i);
                values << q.value(i);
            }
        }
        q.finish();
        QStringList refs;
        for (const QString &column : from) {
            const qsizetype i = names.indexOf(column);
            refs << QStringLiteral("%1 %2").arg(column, i >= 0 ? shown(values.at(i)) : QString());
        }
        messages << QStringLiteral("row %1 of table %2 refers by %3 to a row of table %4 that "
                                   "does not exist")
                            .arg(names.isEmpty() ? QStringLiteral("rowid %1").arg(d.rowid)
                                                 : describeRow(names, values),
                                 d.table,
                                 refs.join(QLatin1String(", ")),
                                 d.parent);
    }
    if (total > limit)
        messages << QStringLiteral("and %1 more references are dangling").arg(total - limit);
    return messages;
}

/// Writes a new file at `path` atomically: `write` fills a fresh, empty temporary file
/// (created exclusively, as '.NAME.XXXXXX.creating' in the same folder, so that the rename
/// stays on one file system), which is then flushed to disk (fsync) and renamed to `path`
/// without replacing anything there (QFile::rename: renameat2 RENAME_NOREPLACE or link() on
/// Linux); the folder is synced last. On any failure the temporary file is removed and
/// `path` is untouched; a killed process leaves at most the hidden temporary file.
bool writeNewFile(const QString &path,
                  const std::function<bool(const QString &temporaryPath, QString *error)> &write,
                  QString *error)
{
    const QFileInfo info(path);
    if (path.isEmpty()) {
        *error = QStringLiteral("no file name given");
        return false;
    }
    if (info.exists() || info.isSymLink()) {
        *error = QStringLiteral("%1 already exists; EcoAtlas does not overwrite it").arg(path);
        return false;
    }
    if (!info.absoluteDir().exists()) {
        *error = QStringLiteral("%1: the folder %2 does not exist")
                         .arg(path, info.absoluteDir().path());
        return false;
    }
    QString temporaryPath;
    {
        QTemporaryFile temporary(info.absoluteDir().filePath(
                QStringLiteral(".%1.XXXXXX.creating").arg(info.fileName())));
        temporary.setAutoRemove(false);
        if (!temporary.open()) {
            *error = QStringLiteral("%1: cannot create a file in %2 (%3)")
                             .arg(path, info.absoluteDir().path(), temporary.errorString());
            return false;
        }
        temporaryPath = temporary.fileName();
        temporary.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                 | QFileDevice::ReadUser | QFileDevice::WriteUser
                                 | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    const auto discard = [&] {
        QFile::remove(temporaryPath);
        QFile::remove(temporaryPath + QStringLiteral("-journal"));
        QFile::remove(temporaryPath + QStringLiteral("-wal"));
        QFile::remove(temporaryPath + QStringLiteral("-shm"));
    };
    if (!write(temporaryPath, error)) {
        discard();
        return false;
    }
    {
        QFile file(temporaryPath);
        if (!file.open(QIODevice::ReadWrite) || !syncToDisk(file.handle())) {
            *error = QStringLiteral("%1: cannot flush the new file to disk (%2)")
                             .arg(path, file.errorString());
            discard();
            return false;
        }
    }
    if (!QFile::rename(temporaryPath, path)) {
        *error = QFileInfo::exists(path)
                         ? QStringLiteral("%1 already exists; EcoAtlas does not overwrite it")
                                   .arg(path)
                         : QStringLiteral("%1: cannot create the file").arg(path);
        discard();
        return false;
    }
    syncDirectory(info.absoluteDir().path());
    return true;
}

} // namespace

bool execSql(QSqlDatabase db, const QString &sql, QString *error, const QVariantList &bind)
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        if (error)
            *error = sqlError(sql.left(60), q.lastError());
        return false;
    }
    for (const QVariant &v : bind)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = sqlError(sql.left(60), q.lastError());
        return false;
    }
    return true;
}

Database::Database()
    : m_connectionName(QStringLiteral("ecoatlas-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // WAL while open; back to a rollback journal when closed, so that the file on disk is
        // one self-contained file and read-only opens need no -wal/-shm companions.
        if (db.isOpen() && !m_readOnly)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return pragmaInt(connection(), QStringLiteral("user_version"), nullptr).value_or(-1);
}

bool Database::openConnection(const QString &path, bool readOnly, QString *error, bool immutable)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000");
    if (readOnly || immutable)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        db.setDatabaseName(QStringLiteral("file:%1?immutable=1")
                                   .arg(QString::fromUtf8(QUrl::toPercentEncoding(path, "/"))));
        options += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = sqlError(QStringLiteral("cannot open %1").arg(path), db.lastError());
        db = QSqlDatabase(); // release the handle before the connection is removed
        close();
        return false;
    }
    m_path = path;
    m_readOnly = readOnly;
    return true;
}

int Database::inspect(const QString &path, QString *error)
{
    return inspect(path, error, nullptr);
}

QStringList Database::check(const QString &path)
{
    QString error;
    QStringList problems;
    if (inspect(path, &error, &problems) < 0 && problems.isEmpty())
        problems << error;
    return problems;
}

int Database::inspect(const QString &path, QString *error, QStringList *problems)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return -1;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("%1: not a file").arg(path);
        return -1;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return -1;
    }
    const QByteArray header = file.read(16);
    file.close();
    if (header != QByteArray("SQLite format 3\0", 16)) {
        *error = QStringLiteral("%1: not an EcoAtlas database (not an SQLite file)").arg(path);
        return -1;
    }
    // A plain read-only connection to a WAL file creates the -wal and -shm side files and,
    // unable to checkpoint, leaves them behind. Without a -wal file the main file holds every
    // committed change, so it is read as immutable: no side files, no byte written.
    const bool hasWal = QFileInfo::exists(path + QStringLiteral("-wal"));
    Database probe;
    if (!probe.openConnection(path, true, error, !hasWal))
        return -1;
    QSqlDatabase db = probe.connection();
    const std::optional<int> appId = pragmaInt(db, QStringLiteral("application_id"), error);
    if (!appId) {
        *error = QStringLiteral(
                         "%1 is not a readable EcoAtlas database (%2); it was left untouched")
                         .arg(path, error->simplified());
        return -1;
    }
    if (*appId != kApplicationId) {
        *error = QStringLiteral("%1: not an EcoAtlas database (SQLite application id %2)")
                         .arg(path)
                         .arg(*appId);
        return -1;
    }
    const std::optional<int> read = pragmaInt(db, QStringLiteral("user_version"), error);
    if (!read) {
        *error = QStringLiteral(
                         "%1 is not a readable EcoAtlas database (%2); it was left untouched")
                         .arg(path, error->simplified());
        return -1;
    }
    const int version = *read;
    // Every EcoAtlas file has schema 1 or later (the first migration writes both the
    // application id and the version in one transaction): 0 or a negative one is damage.
    if (version < 1) {
        *error = QStringLiteral("%1 is damaged (schema version %2 does not exist); it was left "
                                "untouched")
                         .arg(path)
                         .arg(version);
        return -1;
    }
    if (version > kSchemaVersion) {
        *error = QStringLiteral("%1 was written by a newer EcoAtlas (schema %2; this version "
                                "reads up to %3); it was left untouched")
                         .arg(path)
                         .arg(version)
                         .arg(kSchemaVersion);
        return -1;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
        *error = sqlError(QStringLiteral("%1: integrity check failed").arg(path), q.lastError());
        return -1;
    }
    const QString verdict = q.value(0).toString();
    if (verdict != QLatin1String("ok")) {
        *error = QStringLiteral("%1 is damaged (quick_check: %2); it was left untouched")
                         .arg(path, verdict.simplified().left(200));
        return -1;
    }
    q.finish();
    if (problems) {
        // Every problem, for --check: each table's constraints and each dangling reference.
        constraintViolation(db, version, problems);
        *problems += danglingReferences(db, 100);
        if (!problems->isEmpty()) {
            *error = QStringLiteral("%1 is damaged: %2; it was left untouched")
                             .arg(path, problems->first());
            return -1;
        }
        return version;
    }
    QString violation = constraintViolation(db, version);
    if (violation.isEmpty()) {
        const QStringList dangling = danglingReferences(db, 1);
        if (!dangling.isEmpty())
            violation = dangling.first()
                        + (dangling.size() > 1 ? QStringLiteral(", ") + dangling.at(1) : QString());
    }
    if (!violation.isEmpty()) {
        *error = QStringLiteral("%1 is damaged: %2; it was left untouched").arg(path, violation);
        return -1;
    }
    return version;
}

bool Database::open(const QString &path, Mode mode, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const int version = inspect(path, error);
    if (version < 0)
        return false;
    if (mode == Mode::ReadOnly) {
        if (version < kOldestReadOnlyVersion) {
            *error = QStringLiteral("%1 has the older schema %2 and must be opened for writing "
                                    "to be upgraded")
                             .arg(path)
                             .arg(version);
            return false;
        }
        // A WAL-mode file without a -wal file has no writer (a WAL writer always keeps one)
        // and holds every committed change: a plain read-only connection would create -wal and
        // -shm beside it and, unable to remove them, leave them behind. Such a file is read as
        // immutable. A rollback-journal file (how EcoAtlas closes its files) needs no side files.
        return openConnection(path,
                              true,
                              error,
                              isWalModeFile(path)
                                      && !QFileInfo::exists(path + QStringLiteral("-wal")));
    }
    if (!QFileInfo(path).isWritable()) {
        *error = QStringLiteral("%1: the file is not writable").arg(path);
        return false;
    }
    if (!openConnection(path, false, error))
        return false;
    QSqlDatabase db = connection();
    if (!execSql(db, QStringLiteral("PRAGMA foreign_keys = ON"), error)
        || !execSql(db, QStringLiteral("PRAGMA journal_mode = WAL"), error)) {
        close();
        return false;
    }
    if (version < kSchemaVersion && !migrate(version, kSchemaVersion, error)) {
        close();
        return false;
    }
    return true;
}

bool Database::create(const QString &path, QString *error, int version)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!createAtomically(path, {}, error, version) || !openConnection(path, false, error))
        return false;
    if (!execSql(connection(), QStringLiteral("PRAGMA foreign_keys = ON"), error)
        || !execSql(connection(), QStringLiteral("PRAGMA journal_mode = WAL"), error)) {
        close();
        return false;
    }
    return true;
}

bool Database::createAtomically(const QString &path,
                                const std::function<bool(Database &, QString *)> &fill,
                                QString *error,
                                int version)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (version < 1 || version > kSchemaVersion) {
        *error = QStringLiteral("schema version %1 does not exist").arg(version);
        return false;
    }
    return writeNewFile(
            path,
            [&](const QString &temporaryPath, QString *err) {
                Database db;
                // No journal file beside the temporary one (it is discarded on any failure
                // anyway) and no syncing while filling: the whole file is flushed once, after.
                bool ok = db.openConnection(temporaryPath, false, err)
                          && execSql(db.connection(),
                                     QStringLiteral("PRAGMA journal_mode = MEMORY"),
                                     err)
                          && execSql(
                                  db.connection(), QStringLiteral("PRAGMA synchronous = OFF"), err)
                          && execSql(
                                  db.connection(), QStringLiteral("PRAGMA foreign_keys = ON"), err)
                          && db.migrate(0, version, err);
                if (ok && fill)
                    ok = fill(db, err);
                db.close();
                return ok;
            },
            error);
}

bool Database::copyTo(const QString &path, QString *error) const
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!isOpen()) {
        *error = QStringLiteral("no database is open to copy");
        return false;
    }
    return writeNewFile(
            path,
            [&](const QString &temporaryPath, QString *err) {
                // VACUUM INTO accepts an existing file only when it is empty, as the fresh
                // temporary file is.
                QSqlQuery q(connection());
                if (!q.exec(QStringLiteral("VACUUM INTO '%1'")
                                    .arg(QString(temporaryPath)
                                                 .replace(QLatin1Char('\''),
                                                          QStringLiteral("''"))))) {
                    *err = sqlError(QStringLiteral("copying to %1 failed").arg(path),
                                    q.lastError());
                    return false;
                }
                return true;
            },
            error);
}

bool Database::migrate(int fromVersion, int toVersion, QString *error)
{
    // Rebuilt tables would cascade deletes through their foreign keys: keep them off while the
    // schema changes (the pragma is a no-op inside a transaction), check them before the commit.
    if (!execSql(connection(), QStringLiteral("PRAGMA foreign_keys = OFF"), error))
        return false;
    const bool ok = transaction(
            [&](QString *err) {
                for (int v = fromVersion; v < toVersion; ++v) {
                    for (const QString &sql : migrations().at(v)) {
                        if (!execSql(connection(), sql, err)) {
                            *err = QStringLiteral("upgrading the schema to version %1 failed: %2")
                                           .arg(v + 1)
                                           .arg(*err);
                            return false;
                        }
                    }
                }
                QSqlQuery check(connection());
                if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
                    *err = sqlError(QStringLiteral("checking references"), check.lastError());
                    return false;
                }
                if (check.next()) {
                    *err = QStringLiteral("upgrading the schema failed: row %1 of table %2 refers "
                                          "to a missing row of %3")
                                   .arg(check.value(1).toString(),
                                        check.value(0).toString(),
                                        check.value(2).toString());
                    return false;
                }
                return execSql(connection(),
                               QStringLiteral("PRAGMA user_version = %1").arg(toVersion),
                               err);
            },
            error);
    QString ignored;
    return execSql(connection(), QStringLiteral("PRAGMA foreign_keys = ON"), ok ? error : &ignored)
           && ok;
}

bool Database::transaction(const std::function<bool(QString *error)> &work, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QSqlDatabase db = connection();
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot start a transaction"), db.lastError());
        return false;
    }
    if (!work(error)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = sqlError(QStringLiteral("cannot commit"), db.lastError());
        db.rollback();
        return false;
    }
    return true;
}

} // namespace EcoAtlas
