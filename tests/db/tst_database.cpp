// SPDX-License-Identifier: MIT
#include "Database.h"
#include "LandscapeStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using EcoAtlas::Database;
using EcoAtlas::EvidenceGrade;
using EcoAtlas::execSql;
using EcoAtlas::Landscape;
using EcoAtlas::RowId;
namespace LandscapeStore = EcoAtlas::LandscapeStore;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray("<unreadable>");
    return f.readAll();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Names of the SQLite side files present next to `path` (-wal, -shm, -journal).
QStringList sideFiles(const QString &path)
{
    QStringList out;
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            out.append(QFileInfo(path).fileName() + QLatin1String(suffix));
    return out;
}

/// One value of a query on `db`, or an invalid QVariant on error.
QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

QStringList tables(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

/// Runs `statements` on `path` through a plain QSqlDatabase connection (not a Database), as
/// another program would, then closes it.
bool runPlain(const QString &path, const QStringList &statements, QString *error)
{
    static int counter = 0;
    const QString name = QStringLiteral("plain-%1").arg(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        if (!ok)
            *error = db.lastError().text();
        for (const QString &sql : statements) {
            if (!ok)
                break;
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = sql + QStringLiteral(": ") + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

int countRows(const Database &db, const QString &table)
{
    return scalar(db.connection(), QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt();
}

bool insertOrganization(const Database &db, int id, const QString &key, QString *error)
{
    return execSql(db.connection(),
                   QStringLiteral("INSERT INTO organization (id, key, name_en) VALUES (?, ?, ?)"),
                   error,
                   {id, key, key.toUpper()});
}

const QStringList kVersion1Tables{QStringLiteral("chip_order"),
                                  QStringLiteral("deal"),
                                  QStringLiteral("deal_source"),
                                  QStringLiteral("figure"),
                                  QStringLiteral("figure_source"),
                                  QStringLiteral("hosting"),
                                  QStringLiteral("investment"),
                                  QStringLiteral("meta"),
                                  QStringLiteral("organization"),
                                  QStringLiteral("organization_alias"),
                                  QStringLiteral("organization_role"),
                                  QStringLiteral("product"),
                                  QStringLiteral("product_source"),
                                  QStringLiteral("source"),
                                  QStringLiteral("tie"),
                                  QStringLiteral("tie_source")};

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createAtCurrentVersion();
    void reopenReadWriteAndReadOnly();
    void createRefusesExistingPath();
    void createRefusesUnknownVersion_data();
    void createRefusesUnknownVersion();
    void migrateFromVersion1();
    void migrateFromVersion2GradesEveryRow();
    void readOnlyRefusesOldSchema();
    void newerSchemaIsRefusedUntouched_data();
    void newerSchemaIsRefusedUntouched();
    void foreignDatabaseIsRefusedUntouched_data();
    void foreignDatabaseIsRefusedUntouched();
    void nonDatabaseFilesAreRefusedUntouched_data();
    void nonDatabaseFilesAreRefusedUntouched();
    void missingFileIsRefused();
    void damagedFileIsRefused_data();
    void damagedFileIsRefused();
    void damagedContentIsNotDetected();
    void inspectReportsVersion();
    void pathWithSpecialCharacters();
    void transactionCommitsAndRollsBack();
    void transactionRollsBackOnSqlError();
    void foreignKeysAreEnforced();
    void createAtomicallyShowsNothingUntilComplete();
    void createAtomicallyFailureLeavesNothing();
    void createAtomicallyKeepsFileThatAppeared();
    void brokenConstraintsAreRefused_data();
    void brokenConstraintsAreRefused();
    void constraintCheckIsFast();
    void negativeHeaderValuesAreNamed_data();
    void danglingAndForcedRowsAreRefused_data();
    void danglingAndForcedRowsAreRefused();
    void copyToIsAtomic();
    void readOnlyOpenOfWalFileLeavesNoSideFiles();
    void negativeHeaderValuesAreNamed();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::createAtCurrentVersion()
{
    const QString file = path(QStringLiteral("new.ecoatlas"));
    Database db;
    QVERIFY(!db.isOpen());
    QString error;
    QVERIFY2(db.create(file, &error), qPrintable(error));
    QVERIFY(db.isOpen());
    QVERIFY(!db.isReadOnly());
    QCOMPARE(db.path(), file);
    QCOMPARE(Database::kSchemaVersion, 4);
    QCOMPARE(Database::kApplicationId, 0x45434F41);
    QCOMPARE(db.schemaVersion(), Database::kSchemaVersion);
    {
        QSqlDatabase c = db.connection();
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA user_version")).toInt(),
                 Database::kSchemaVersion);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA application_id")).toInt(),
                 Database::kApplicationId);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QStringList expected = kVersion1Tables;
        expected << QStringLiteral("node_position") << QStringLiteral("sector")
                 << QStringLiteral("ownership") << QStringLiteral("compatibility")
                 << QStringLiteral("history");
        expected.sort();
        QCOMPARE(tables(c), expected);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA quick_check")).toString(), QStringLiteral("ok"));
    }
    QCOMPARE(countRows(db, QStringLiteral("organization")), 0);

    // The 'ECOA' magic is in the file header (offset 68, big-endian).
    db.close();
    QVERIFY(!db.isOpen());
    QCOMPARE(db.path(), QString());
    const QByteArray header = readBytes(file).left(100);
    QCOMPARE(header.mid(68, 4), QByteArray("ECOA"));
    // Closed, the file is one self-contained file: rollback journal (header bytes 18 and 19
    // are 1; 2 would mean WAL), no side files.
    QCOMPARE(header.mid(18, 2), QByteArray("\x01\x01"));
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::reopenReadWriteAndReadOnly()
{
    const QString file = path(QStringLiteral("reopen.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
        QVERIFY2(insertOrganization(db, 1, QStringLiteral("acme"), &error), qPrintable(error));
    }
    {
        Database db;
        QVERIFY2(db.open(file, Database::Mode::ReadWrite, &error), qPrintable(error));
        QVERIFY(!db.isReadOnly());
        QCOMPARE(db.schemaVersion(), Database::kSchemaVersion);
        QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(countRows(db, QStringLiteral("organization")), 1);
    }
    const QByteArray before = readBytes(file);
    {
        Database db;
        QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
        QVERIFY(db.isReadOnly());
        QCOMPARE(db.schemaVersion(), Database::kSchemaVersion);
        QCOMPARE(scalar(db.connection(), QStringLiteral("SELECT name_en FROM organization"))
                         .toString(),
                 QStringLiteral("ACME"));
        // Writing through a read-only document fails.
        QString writeError;
        QVERIFY(!insertOrganization(db, 2, QStringLiteral("other"), &writeError));
        QVERIFY(!writeError.isEmpty());
        QCOMPARE(countRows(db, QStringLiteral("organization")), 1);
    }
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::createRefusesExistingPath()
{
    const QString file = path(QStringLiteral("existing.txt"));
    const QByteArray content("precious data\n");
    QVERIFY(writeBytes(file, content));
    Database db;
    QString error;
    QVERIFY(!db.create(file, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QVERIFY(!db.isOpen());
    QCOMPARE(readBytes(file), content);
    QCOMPARE(sideFiles(file), QStringList());

    // An existing landscape is not overwritten either.
    const QString landscape = path(QStringLiteral("existing.ecoatlas"));
    {
        Database first;
        QVERIFY2(first.create(landscape, &error), qPrintable(error));
        QVERIFY2(insertOrganization(first, 1, QStringLiteral("kept"), &error), qPrintable(error));
    }
    const QByteArray before = readBytes(landscape);
    Database second;
    error.clear();
    QVERIFY(!second.create(landscape, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QCOMPARE(readBytes(landscape), before);
    QVERIFY2(second.open(landscape, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(countRows(second, QStringLiteral("organization")), 1);
}

void TestDatabase::createRefusesUnknownVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("0") << 0;
    QTest::newRow("-1") << -1;
    QTest::newRow("kSchemaVersion + 1") << Database::kSchemaVersion + 1;
}

void TestDatabase::createRefusesUnknownVersion()
{
    QFETCH(int, version);
    const QString file = path(QStringLiteral("version.ecoatlas"));
    Database db;
    QString error;
    QVERIFY(!db.create(file, &error, version));
    QCOMPARE(error, QStringLiteral("schema version %1 does not exist").arg(version));
    QVERIFY(!QFileInfo::exists(file));
}

void TestDatabase::migrateFromVersion1()
{
    const QString file = path(QStringLiteral("v1.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error, 1), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 1);
        QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA application_id")).toInt(),
                 Database::kApplicationId);
        QCOMPARE(tables(db.connection()), kVersion1Tables);
        QVERIFY2(insertOrganization(db, 7, QStringLiteral("survivor"), &error), qPrintable(error));
    }
    QCOMPARE(Database::inspect(file, &error), 1);

    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::kSchemaVersion);
    QVERIFY(tables(db.connection()).contains(QStringLiteral("node_position")));
    // Version 2 adds node_position; version 3 sector, ownership and compatibility; version 4
    // the history.
    QCOMPARE(tables(db.connection()).size(), kVersion1Tables.size() + 5);
    // Data written at version 1 survives, and the new table works with it.
    QCOMPARE(scalar(db.connection(), QStringLiteral("SELECT key FROM organization WHERE id = 7"))
                     .toString(),
             QStringLiteral("survivor"));
    QVERIFY2(execSql(db.connection(),
                     QStringLiteral("INSERT INTO node_position (view, organization_id, x, y) "
                                    "VALUES ('network', 7, 1.5, -2.5)"),
                     &error),
             qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("node_position")), 1);
    QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    db.close();

    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    // Opening again does not migrate twice.
    QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(countRows(db, QStringLiteral("node_position")), 1);
}

void TestDatabase::migrateFromVersion2GradesEveryRow()
{
    // A schema-2 file: claims as a flag, parents as a column.
    const QString file = path(QStringLiteral("v2.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error, 2), qPrintable(error));
        const QStringList rows{
                QStringLiteral("INSERT INTO source (id, key, publisher, title) VALUES "
                               "(1, 'src', 'Zhidongxi', 'Article')"),
                QStringLiteral("INSERT INTO organization (id, key, name_en) VALUES "
                               "(1, 'group', 'Group'), (3, 'lab', 'Lab')"),
                QStringLiteral("INSERT INTO organization (id, key, name_en, parent_id) VALUES "
                               "(2, 'cloud', 'Cloud', 1)"),
                QStringLiteral("INSERT INTO deal (id, key, title) VALUES (1, 'd', 'Deal')"),
                QStringLiteral("INSERT INTO tie (id, key, kind, from_id, to_id, is_claim, "
                               "claimant_id) VALUES (1, 'cloud-hosts-lab', 'hosting', 2, 3, 1, 2),"
                               " (2, 'lab-partner', 'partnership', 3, 1, 0, NULL),"
                               " (3, 'unattributed', 'partnership', 1, 3, 1, NULL)"),
                QStringLiteral("INSERT INTO hosting (tie_id, service) VALUES (1, 'training')"),
                QStringLiteral("INSERT INTO tie_source (tie_id, source_id) VALUES (1, 1), (2, 1)"),
                QStringLiteral(
                        "INSERT INTO figure (id, key, subject_id, metric, qualifier, "
                        "is_claim, claimant_id, statement) VALUES "
                        "(1, 'f-claim', 2, 'clients', 'undisclosed', 1, 2, 'Cloud says so'),"
                        " (2, 'f-fact', 3, 'models', 'undisclosed', 0, NULL, 'Lab has two')"),
        };
        for (const QString &sql : rows)
            QVERIFY2(execSql(db.connection(), sql, &error), qPrintable(error));
    }
    QCOMPARE(Database::inspect(file, &error), 2);

    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), 4);
    // Every row kept; the parent became one more tie.
    QCOMPARE(countRows(db, QStringLiteral("organization")), 3);
    QCOMPARE(countRows(db, QStringLiteral("tie")), 4);
    QCOMPARE(countRows(db, QStringLiteral("hosting")), 1);
    QCOMPARE(countRows(db, QStringLiteral("ownership")), 1);
    QCOMPARE(countRows(db, QStringLiteral("tie_source")), 2);
    QCOMPARE(countRows(db, QStringLiteral("figure")), 2);
    QCOMPARE(countRows(db, QStringLiteral("deal")), 1);
    QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    auto column = [&](const QString &sql) {
        return scalar(db.connection(), sql).toString();
    };
    QCOMPARE(column(QStringLiteral("SELECT evidence FROM tie WHERE id = 1")),
             QStringLiteral("claimed"));
    QCOMPARE(column(QStringLiteral("SELECT claimant_id FROM tie WHERE id = 1")),
             QStringLiteral("2"));
    QCOMPARE(column(QStringLiteral("SELECT evidence FROM tie WHERE id = 2")),
             QStringLiteral("reported"));
    // A claim without a claimant cannot be "claimed" at version 3: reported, with a caveat.
    QCOMPARE(column(QStringLiteral("SELECT evidence FROM tie WHERE id = 3")),
             QStringLiteral("reported"));
    QVERIFY(column(QStringLiteral("SELECT caveat FROM tie WHERE id = 3"))
                    .contains(QLatin1String("without a claimant")));
    QCOMPARE(column(QStringLiteral("SELECT evidence FROM figure WHERE id = 1")),
             QStringLiteral("claimed"));
    QCOMPARE(column(QStringLiteral("SELECT evidence FROM figure WHERE id = 2")),
             QStringLiteral("reported"));
    QCOMPARE(column(QStringLiteral("SELECT party_set FROM deal WHERE id = 1")),
             QStringLiteral("closed"));
    // The parent: an inferred ownership tie group → cloud with a rationale.
    QCOMPARE(column(QStringLiteral("SELECT key || ' ' || kind || ' ' || from_id || ' ' || to_id "
                                   "|| ' ' || evidence FROM tie WHERE kind = 'ownership'")),
             QStringLiteral("group-owns-cloud ownership 1 2 inferred"));
    QVERIFY(!column(QStringLiteral("SELECT rationale FROM tie WHERE kind = 'ownership'"))
                     .isEmpty());

    // The store reads it back with the parent derived from the tie.
    const std::optional<Landscape> l = LandscapeStore::load(db, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->organizationByKey(QStringLiteral("cloud"))->parentId, RowId(1));
    QCOMPARE(l->ties.size(), 4);
    QCOMPARE(l->ties.at(0).service, QStringLiteral("training"));
    QCOMPARE(l->ties.at(0).evidence.grade, EvidenceGrade::Claimed);
    QCOMPARE(l->figures.at(0).evidence.claimantId, RowId(2));
}

void TestDatabase::readOnlyRefusesOldSchema()
{
    const QString file = path(QStringLiteral("old.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error, 1), qPrintable(error));
    }
    const QByteArray before = readBytes(file);
    QVERIFY(!before.isEmpty());
    Database db;
    QVERIFY(!db.open(file, Database::Mode::ReadOnly, &error));
    QVERIFY2(error.contains(QLatin1String("older schema 1")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("opened for writing")), qPrintable(error));
    QVERIFY(!db.isOpen());
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());
    QCOMPARE(Database::inspect(file, &error), 1);
}

void TestDatabase::newerSchemaIsRefusedUntouched_data()
{
    QTest::addColumn<Database::Mode>("mode");
    QTest::addColumn<bool>("wal"); // the newer EcoAtlas left the file in WAL mode
    QTest::newRow("read-write") << Database::Mode::ReadWrite << false;
    QTest::newRow("read-only") << Database::Mode::ReadOnly << false;
    QTest::newRow("read-write, WAL file") << Database::Mode::ReadWrite << true;
    QTest::newRow("read-only, WAL file") << Database::Mode::ReadOnly << true;
}

void TestDatabase::newerSchemaIsRefusedUntouched()
{
    QFETCH(Database::Mode, mode);
    QFETCH(bool, wal);
    const QString file = path(QStringLiteral("future.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
        QVERIFY2(insertOrganization(db, 1, QStringLiteral("future"), &error), qPrintable(error));
    }
    QStringList statements{QStringLiteral("PRAGMA user_version = 99")};
    if (wal)
        statements.prepend(QStringLiteral("PRAGMA journal_mode = WAL"));
    QVERIFY2(runPlain(file, statements, &error), qPrintable(error));
    QCOMPARE(sideFiles(file), QStringList());
    const QByteArray before = readBytes(file);
    QCOMPARE(before.mid(60, 4), QByteArray("\0\0\0\x63", 4)); // user_version 99 in the header
    QCOMPARE(before.at(18), wal ? '\x02' : '\x01');

    Database db;
    error.clear();
    QVERIFY(!db.open(file, mode, &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("schema 99")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!db.isOpen());
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());

    QCOMPARE(Database::inspect(file, &error), -1);
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::foreignDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("plain SQLite, one table")
            << QStringList{QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
                           QStringLiteral("INSERT INTO notes (body) VALUES ('hello')")};
    QTest::newRow("plain SQLite in WAL mode")
            << QStringList{QStringLiteral("PRAGMA journal_mode = WAL"),
                           QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
                           QStringLiteral("INSERT INTO notes (body) VALUES ('hello')")};
    QTest::newRow("other application id")
            << QStringList{QStringLiteral("PRAGMA application_id = 1234"),
                           QStringLiteral("PRAGMA user_version = 1"),
                           QStringLiteral("CREATE TABLE organization (id INTEGER PRIMARY KEY)")};
}

void TestDatabase::foreignDatabaseIsRefusedUntouched()
{
    QFETCH(QStringList, statements);
    const QString file = path(QStringLiteral("other.sqlite"));
    QString error;
    QVERIFY2(runPlain(file, statements, &error), qPrintable(error));
    QCOMPARE(sideFiles(file), QStringList());
    const QByteArray before = readBytes(file);
    QVERIFY(before.startsWith("SQLite format 3"));

    for (Database::Mode mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
        Database db;
        error.clear();
        QVERIFY(!db.open(file, mode, &error));
        QVERIFY2(error.contains(QLatin1String("not an EcoAtlas database")), qPrintable(error));
        QVERIFY(!db.isOpen());
        QCOMPARE(readBytes(file), before);
        QCOMPARE(sideFiles(file), QStringList());
    }
}

void TestDatabase::nonDatabaseFilesAreRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("text file") << QByteArray("Five Major Players in Fierce Competition\n")
                               << "not an EcoAtlas database (not an SQLite file)";
    QTest::newRow("empty file") << QByteArray() << "not an EcoAtlas database (not an SQLite file)";
    QTest::newRow("JSON") << QByteArray(R"({"format": "ecoatlas-landscape", "version": 1})")
                          << "not an EcoAtlas database (not an SQLite file)";
    QTest::newRow("truncated header") << QByteArray("SQLite format 3") // no terminating NUL
                                      << "not an EcoAtlas database (not an SQLite file)";
}

void TestDatabase::nonDatabaseFilesAreRefusedUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("not-a-db.ecoatlas"));
    QVERIFY(writeBytes(file, content));
    for (Database::Mode mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
        Database db;
        QString error;
        QVERIFY(!db.open(file, mode, &error));
        QCOMPARE(error, QStringLiteral("%1: %2").arg(file, message));
        QVERIFY(!db.isOpen());
        QCOMPARE(readBytes(file), content);
        QCOMPARE(QFileInfo(file).size(), qint64(content.size()));
        QCOMPARE(sideFiles(file), QStringList());
    }
}

void TestDatabase::missingFileIsRefused()
{
    const QString file = path(QStringLiteral("missing.ecoatlas"));
    Database db;
    QString error;
    QVERIFY(!db.open(file, Database::Mode::ReadWrite, &error));
    QCOMPARE(error, QStringLiteral("%1: no such file").arg(file));
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(Database::inspect(m_dir->path(), &error), -1);
    QCOMPARE(error, QStringLiteral("%1: not a file").arg(m_dir->path()));
}

namespace {

/// Creates an EcoAtlas file holding 300 organizations (about 25 pages of 4 KiB), closed.
bool createFilledFile(const QString &file, QString *error)
{
    Database db;
    if (!db.create(file, error))
        return false;
    return db.transaction(
            [&](QString *err) {
                for (int i = 1; i <= 300; ++i) {
                    if (!execSql(
                                db.connection(),
                                QStringLiteral("INSERT INTO organization (id, key, name_en, notes) "
                                               "VALUES (?, ?, ?, ?)"),
                                err,
                                {i,
                                 QStringLiteral("org-%1").arg(i),
                                 QStringLiteral("Organization %1").arg(i),
                                 QString(200, QLatin1Char('n'))}))
                        return false;
                }
                return true;
            },
            error);
}

void scramble(QByteArray &bytes, qsizetype from, qsizetype length)
{
    for (qsizetype i = from; i < from + length; ++i)
        bytes[i] = char((i * 37 + 11) & 0xff);
}

} // namespace

void TestDatabase::damagedFileIsRefused_data()
{
    QTest::addColumn<int>("page"); // 1-based; 0 = the last page
    QTest::newRow("page 2") << 2;
    QTest::newRow("page 3") << 3;
    QTest::newRow("page 4") << 4;
    QTest::newRow("page 12") << 12;
    QTest::newRow("last page") << 0;
}

void TestDatabase::damagedFileIsRefused()
{
    QFETCH(int, page);
    const QString file = path(QStringLiteral("damaged.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    QCOMPARE(sideFiles(file), QStringList());
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);

    QByteArray bytes = readBytes(file);
    const int pageSize = 4096;
    QCOMPARE(bytes.size() % pageSize, 0);
    QVERIFY2(bytes.size() >= 20 * pageSize, QByteArray::number(bytes.size()).constData());
    if (page == 0)
        page = int(bytes.size() / pageSize);
    // The whole page, header included, is overwritten with garbage.
    scramble(bytes, qsizetype(page - 1) * pageSize, pageSize);
    QVERIFY(writeBytes(file, bytes));

    for (Database::Mode mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
        Database db;
        error.clear();
        QVERIFY(!db.open(file, mode, &error));
        // quick_check either reports the page or fails outright ("malformed").
        QVERIFY2(error.contains(QLatin1String("is damaged"))
                         || error.contains(QLatin1String("malformed")),
                 qPrintable(error));
        QVERIFY2(error.startsWith(file), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        QVERIFY(!db.isOpen());
        QCOMPARE(readBytes(file), bytes);
        QCOMPARE(sideFiles(file), QStringList());
    }
    QCOMPARE(Database::inspect(file, &error), -1);
}

void TestDatabase::damagedContentIsNotDetected()
{
    // Garbage inside a record's payload leaves every b-tree structure intact: SQLite keeps no
    // checksums, so PRAGMA quick_check (and integrity_check) cannot see it. The file opens; the
    // damage shows only as changed data. This test pins down that limitation.
    const QString file = path(QStringLiteral("payload.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    QByteArray bytes = readBytes(file);
    const QByteArray notes(200, 'n');
    const qsizetype at = bytes.indexOf(notes, bytes.size() / 2);
    QVERIFY(at > 0);
    scramble(bytes, at + 64, 64);
    QVERIFY(writeBytes(file, bytes));

    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 300);
    QCOMPARE(scalar(db.connection(),
                    QStringLiteral("SELECT count(*) FROM organization WHERE notes <> '%1'")
                            .arg(QString::fromLatin1(notes)))
                     .toInt(),
             1);
}

void TestDatabase::inspectReportsVersion()
{
    const QString file = path(QStringLiteral("inspect.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
    }
    const QByteArray before = readBytes(file);
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    QCOMPARE(Database::inspect(file, nullptr), Database::kSchemaVersion);
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::pathWithSpecialCharacters()
{
    // inspect() reads files through an SQLite URI: the path must survive percent-encoding.
    const QString file = path(QStringLiteral("my land#scape %20 ?&x=1 \u6570\u636E.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
        QVERIFY2(insertOrganization(db, 1, QStringLiteral("odd"), &error), qPrintable(error));
    }
    const QByteArray before = readBytes(file);
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    QCOMPARE(readBytes(file), before);
    QCOMPARE(sideFiles(file), QStringList());
    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(db.path(), file);
    QCOMPARE(countRows(db, QStringLiteral("organization")), 1);
    db.close();
    // No stray file was created under a mangled name.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QFileInfo(file).fileName()});
}

void TestDatabase::transactionCommitsAndRollsBack()
{
    const QString file = path(QStringLiteral("tx.ecoatlas"));
    Database db;
    QString error;
    QVERIFY2(db.create(file, &error), qPrintable(error));
    QVERIFY2(insertOrganization(db, 1, QStringLiteral("one"), &error), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 1);

    bool ran = false;
    const bool committed = db.transaction(
            [&](QString *err) {
                ran = true;
                if (!insertOrganization(db, 2, QStringLiteral("two"), err)
                    || !insertOrganization(db, 3, QStringLiteral("three"), err))
                    return false;
                // Inside the transaction the rows are visible…
                if (countRows(db, QStringLiteral("organization")) != 3)
                    return false;
                *err = QStringLiteral("changed my mind");
                return false;
            },
            &error);
    QVERIFY(ran);
    QVERIFY(!committed);
    QCOMPARE(error, QStringLiteral("changed my mind"));
    // …and after the rollback they are gone.
    QCOMPARE(countRows(db, QStringLiteral("organization")), 1);

    error.clear();
    QVERIFY2(db.transaction(
                     [&](QString *err) {
                         return insertOrganization(db, 2, QStringLiteral("two"), err)
                                && insertOrganization(db, 3, QStringLiteral("three"), err);
                     },
                     &error),
             qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 3);
    db.close();

    // The commit reached the file.
    QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 3);
}

void TestDatabase::transactionRollsBackOnSqlError()
{
    Database db;
    QString error;
    QVERIFY2(db.create(path(QStringLiteral("tx2.ecoatlas")), &error), qPrintable(error));
    const bool committed = db.transaction(
            [&](QString *err) {
                return insertOrganization(db, 1, QStringLiteral("first"), err)
                       && insertOrganization(db, 1, QStringLiteral("duplicate-id"), err);
            },
            &error);
    QVERIFY(!committed);
    QVERIFY2(error.contains(QLatin1String("UNIQUE")), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 0);
}

void TestDatabase::foreignKeysAreEnforced()
{
    Database db;
    QString error;
    QVERIFY2(db.create(path(QStringLiteral("fk.ecoatlas")), &error), qPrintable(error));
    QVERIFY2(insertOrganization(db, 1, QStringLiteral("a"), &error), qPrintable(error));
    QVERIFY(!execSql(db.connection(),
                     QStringLiteral("INSERT INTO tie (id, key, kind, from_id, to_id) "
                                    "VALUES (1, 't', 'hosting', 1, 999)"),
                     &error));
    QVERIFY2(error.contains(QLatin1String("FOREIGN KEY")), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("tie")), 0);
    // The CHECK constraints of the schema hold too.
    QVERIFY(!execSql(db.connection(),
                     QStringLiteral("INSERT INTO organization_role (organization_id, role) "
                                    "VALUES (1, 'emperor')"),
                     &error));
    QVERIFY2(error.contains(QLatin1String("CHECK")), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization_role")), 0);
}

/// Every entry of `folder` (hidden ones too), sorted.
static QStringList folderEntries(const QString &folder)
{
    QStringList out = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                             | QDir::NoDotAndDotDot);
    out.sort();
    return out;
}

void TestDatabase::createAtomicallyShowsNothingUntilComplete()
{
    // Issue 11, item 2: the target path stays free while the new database is written, so a
    // process killed meanwhile leaves no partial file behind that a retry would trip over.
    const QString file = path(QStringLiteral("new.ecoatlas"));
    QString error;
    bool filled = false;
    QVERIFY2(Database::createAtomically(
                     file,
                     [&](Database &db, QString *err) {
                         filled = true;
                         if (QFileInfo::exists(file)) {
                             *err = QStringLiteral("the target exists while being written");
                             return false;
                         }
                         if (db.path() == file || db.isReadOnly()) {
                             *err = QStringLiteral("not writing to a temporary file");
                             return false;
                         }
                         return insertOrganization(db, 1, QStringLiteral("first"), err);
                     },
                     &error),
             qPrintable(error));
    QVERIFY(filled);
    QCOMPARE(folderEntries(m_dir->path()), QStringList{QStringLiteral("new.ecoatlas")});
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(countRows(db, QStringLiteral("organization")), 1);
    QCOMPARE(scalar(db.connection(), QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("delete"));
    db.close();
    QCOMPARE(folderEntries(m_dir->path()), QStringList{QStringLiteral("new.ecoatlas")});
}

void TestDatabase::createAtomicallyFailureLeavesNothing()
{
    const QString file = path(QStringLiteral("failed.ecoatlas"));
    QString error;
    QVERIFY(!Database::createAtomically(
            file,
            [&](Database &db, QString *err) {
                return insertOrganization(db, 1, QStringLiteral("a"), err)
                       && insertOrganization(db, 1, QStringLiteral("b"), err); // duplicate id
            },
            &error));
    QVERIFY2(error.contains(QLatin1String("UNIQUE")), qPrintable(error));
    QCOMPARE(folderEntries(m_dir->path()), QStringList());
    // …so that a retry succeeds.
    QVERIFY2(Database::createAtomically(file, {}, &error), qPrintable(error));
    QCOMPARE(folderEntries(m_dir->path()), QStringList{QStringLiteral("failed.ecoatlas")});
}

void TestDatabase::createAtomicallyKeepsFileThatAppeared()
{
    // Another program creates the target while EcoAtlas writes: the rename must not replace it.
    const QString file = path(QStringLiteral("race.ecoatlas"));
    const QByteArray theirs("their landscape\n");
    QString error;
    QVERIFY(!Database::createAtomically(
            file, [&](Database &, QString *) { return writeBytes(file, theirs); }, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QCOMPARE(readBytes(file), theirs);
    QCOMPARE(folderEntries(m_dir->path()), QStringList{QStringLiteral("race.ecoatlas")});
}

void TestDatabase::brokenConstraintsAreRefused_data()
{
    // Issue 11, item 3: rows written past the schema's CHECK constraints (as another program
    // with PRAGMA ignore_check_constraints can) are refused on open, naming table and row.
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QStringList>("expected"); // fragments of the message
    QTest::newRow("empty English name")
            << QStringList{QStringLiteral("UPDATE organization SET name_en = '' WHERE id = 2")}
            << QStringList{QStringLiteral("table organization"),
                           QStringLiteral("key 'org-2'"),
                           QStringLiteral("id 2"),
                           QStringLiteral("name_en <> ''")};
    QTest::newRow("self-tie") << QStringList{QStringLiteral(
            "INSERT INTO tie (id, key, kind, from_id, to_id) VALUES (7, 'narcissus', "
            "'partnership', 3, 3)")}
                              << QStringList{QStringLiteral("table tie"),
                                             QStringLiteral("key 'narcissus'"),
                                             QStringLiteral("id 7"),
                                             QStringLiteral("from_id <> to_id")};
    QTest::newRow("value outside the list")
            << QStringList{QStringLiteral(
                       "INSERT INTO tie (id, key, kind, from_id, to_id, evidence) VALUES (8, "
                       "'rumour', 'partnership', 1, 2, 'gossip')")}
            << QStringList{QStringLiteral("table tie"), QStringLiteral("key 'rumour'")};
    QTest::newRow("role outside the list")
            << QStringList{QStringLiteral("INSERT INTO organization_role (organization_id, role) "
                                          "VALUES (4, 'wizard')")}
            << QStringList{QStringLiteral("table organization_role"),
                           QStringLiteral("organization_id 4"),
                           QStringLiteral("role 'wizard'")};
    QTest::newRow("stake above 100")
            << QStringList{QStringLiteral("INSERT INTO tie (id, key, kind, from_id, to_id) "
                                          "VALUES (9, 'own', 'ownership', 1, 2)"),
                           QStringLiteral("INSERT INTO ownership (tie_id, stake, "
                                          "stake_qualifier) VALUES (9, 250, 'exact')")}
            << QStringList{QStringLiteral("table ownership"), QStringLiteral("tie_id 9")};
}

void TestDatabase::brokenConstraintsAreRefused()
{
    QFETCH(QStringList, statements);
    QFETCH(QStringList, expected);
    const QString file = path(QStringLiteral("broken.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    QVERIFY2(runPlain(file,
                      QStringList{QStringLiteral("PRAGMA ignore_check_constraints = ON")}
                              + statements,
                      &error),
             qPrintable(error));
    const QByteArray before = readBytes(file);
    for (Database::Mode mode : {Database::Mode::ReadOnly, Database::Mode::ReadWrite}) {
        Database db;
        error.clear();
        QVERIFY(!db.open(file, mode, &error));
        QVERIFY(!db.isOpen());
        for (const QString &fragment : expected)
            QVERIFY2(error.contains(fragment),
                     qPrintable(fragment + QStringLiteral(" in: ") + error));
        QVERIFY2(error.startsWith(file), qPrintable(error));
        QVERIFY2(error.endsWith(QLatin1String("it was left untouched")), qPrintable(error));
        QCOMPARE(readBytes(file), before);
        QCOMPARE(sideFiles(file), QStringList());
    }
}

void TestDatabase::constraintCheckIsFast()
{
    // 100,000 organizations: inspecting (quick_check + the constraint check) stays well under
    // a second, and the constraint check is a modest part of it.
    const QString file = path(QStringLiteral("large.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
        QVERIFY2(db.transaction(
                         [&](QString *err) {
                             QSqlQuery q(db.connection());
                             q.prepare(QStringLiteral("INSERT INTO organization (id, key, "
                                                      "name_en, name_zh, notes) VALUES (?, ?, ?, "
                                                      "?, ?)"));
                             for (int i = 1; i <= 100000; ++i) {
                                 q.addBindValue(i);
                                 q.addBindValue(QStringLiteral("org-%1").arg(i));
                                 q.addBindValue(QStringLiteral("Organization %1").arg(i));
                                 q.addBindValue(QStringLiteral("组织%1").arg(i));
                                 q.addBindValue(QStringLiteral("notes on organization %1").arg(i));
                                 if (!q.exec()) {
                                     *err = q.lastError().text();
                                     return false;
                                 }
                             }
                             return true;
                         },
                         &error),
                 qPrintable(error));
    }
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(Database::inspect(file, &error), Database::kSchemaVersion);
    const qint64 elapsed = timer.elapsed();
    qInfo("inspect of 100,000 organizations: %lld ms", elapsed);
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));

    QVERIFY2(runPlain(file,
                      {QStringLiteral("PRAGMA ignore_check_constraints = ON"),
                       QStringLiteral("UPDATE organization SET name_en = '' WHERE id = 99999")},
                      &error),
             qPrintable(error));
    QCOMPARE(Database::inspect(file, &error), -1);
    QVERIFY2(error.contains(QLatin1String("key 'org-99999'")), qPrintable(error));
}

void TestDatabase::negativeHeaderValuesAreNamed_data()
{
    // Issue 11, item 6: a negative header value was taken for the failure sentinel -1 and
    // gave an empty message, or "not a readable EcoAtlas database ()".
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user_version -1") << QStringLiteral("PRAGMA user_version = -1")
                                     << QStringLiteral(" is damaged (schema version -1 does not "
                                                       "exist); it was left untouched");
    QTest::newRow("user_version 0") << QStringLiteral("PRAGMA user_version = 0")
                                    << QStringLiteral(" is damaged (schema version 0 does not "
                                                      "exist); it was left untouched");
    QTest::newRow("application_id -5")
            << QStringLiteral("PRAGMA application_id = -5")
            << QStringLiteral(": not an EcoAtlas database (SQLite application id -5)");
    QTest::newRow("application_id -1")
            << QStringLiteral("PRAGMA application_id = -1")
            << QStringLiteral(": not an EcoAtlas database (SQLite application id -1)");
}

void TestDatabase::negativeHeaderValuesAreNamed()
{
    QFETCH(QString, statement);
    QFETCH(QString, expected);
    const QString file = path(QStringLiteral("header.ecoatlas"));
    QString error;
    {
        Database db;
        QVERIFY2(db.create(file, &error), qPrintable(error));
    }
    QVERIFY2(runPlain(file, {statement}, &error), qPrintable(error));
    const QByteArray before = readBytes(file);
    error.clear();
    QCOMPARE(Database::inspect(file, &error), -1);
    QCOMPARE(error, file + expected);
    Database db;
    error.clear();
    QVERIFY(!db.open(file, Database::Mode::ReadWrite, &error));
    QCOMPARE(error, file + expected);
    QCOMPARE(readBytes(file), before);
}

void TestDatabase::danglingAndForcedRowsAreRefused_data()
{
    // Issue 11, item 8: dangling references and NULLs forced past NOT NULL (by editing the
    // stored schema text) loaded silently. Each batch runs on its own connection.
    QTest::addColumn<QList<QStringList>>("batches");
    QTest::addColumn<QStringList>("expected"); // fragments of the message
    QTest::newRow("tie to a missing organization")
            << QList<QStringList>{{QStringLiteral(
                       "INSERT INTO tie (id, key, kind, from_id, to_id) VALUES (5, 'dangling', "
                       "'partnership', 1, 999)")}}
            << QStringList{QStringLiteral("row key 'dangling', id 5 of table tie"),
                           QStringLiteral("to_id 999"),
                           QStringLiteral("table organization that does not exist")};
    QTest::newRow("alias of a missing organization")
            << QList<QStringList>{{QStringLiteral("INSERT INTO organization_alias "
                                                  "(organization_id, alias, position) VALUES "
                                                  "(777, 'ghost', 0)")}}
            << QStringList{QStringLiteral("row organization_id 777, alias 'ghost' of table "
                                          "organization_alias"),
                           QStringLiteral("table organization that does not exist")};
    const QString unforce = QStringLiteral(
            "UPDATE sqlite_master SET sql = replace(sql, 'from_id INTEGER NOT NULL', "
            "'from_id INTEGER') WHERE name = 'tie'");
    QTest::newRow("NULL forced into tie.from_id")
            << QList<QStringList>{{QStringLiteral("PRAGMA writable_schema = ON"), unforce},
                                  {QStringLiteral("INSERT INTO tie (id, key, kind, from_id, "
                                                  "to_id) VALUES (6, 'orphan', 'partnership', "
                                                  "NULL, 2)")}}
            << QStringList{QStringLiteral("row key 'orphan', id 6 of table tie"),
                           QStringLiteral("NOT NULL constraint failed")};
    QTest::newRow("table dropped") << QList<QStringList>{{QStringLiteral("DROP TABLE hosting")}}
                                   << QStringList{QStringLiteral("table hosting of schema 4 is "
                                                                 "missing")};
}

void TestDatabase::danglingAndForcedRowsAreRefused()
{
    QFETCH(QList<QStringList>, batches);
    QFETCH(QStringList, expected);
    const QString file = path(QStringLiteral("dangling.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    for (const QStringList &batch : batches)
        QVERIFY2(runPlain(file, batch, &error), qPrintable(error));
    const QByteArray before = readBytes(file);
    for (Database::Mode mode : {Database::Mode::ReadOnly, Database::Mode::ReadWrite}) {
        Database db;
        error.clear();
        QVERIFY(!db.open(file, mode, &error));
        for (const QString &fragment : expected)
            QVERIFY2(error.contains(fragment),
                     qPrintable(fragment + QStringLiteral(" in: ") + error));
        QVERIFY2(error.endsWith(QLatin1String("it was left untouched")), qPrintable(error));
        QCOMPARE(readBytes(file), before);
        QCOMPARE(sideFiles(file), QStringList());
    }
}

void TestDatabase::copyToIsAtomic()
{
    // "Save a Copy" wrote with VACUUM INTO straight onto the chosen path: a kill or a failure
    // left a partial file there. The copy is now written beside it and renamed when complete.
    const QString file = path(QStringLiteral("original.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    Database db;
    QVERIFY2(db.open(file, Database::Mode::ReadWrite, &error), qPrintable(error));
    const QString copy = path(QStringLiteral("copy.ecoatlas"));
    QVERIFY2(db.copyTo(copy, &error), qPrintable(error));
    db.close();
    QCOMPARE(folderEntries(m_dir->path()),
             (QStringList{QStringLiteral("copy.ecoatlas"), QStringLiteral("original.ecoatlas")}));
    QCOMPARE(Database::inspect(copy, &error), Database::kSchemaVersion);
    Database reopened;
    QVERIFY2(reopened.open(copy, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(countRows(reopened, QStringLiteral("organization")), 300);
    reopened.close();
    QCOMPARE(sideFiles(copy), QStringList());

    // An existing file is not replaced, and a failed copy leaves nothing behind.
    QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
    const QByteArray before = readBytes(copy);
    QVERIFY(!db.copyTo(copy, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    QCOMPARE(readBytes(copy), before);
    QVERIFY(!db.copyTo(path(QStringLiteral("no/such/folder/copy.ecoatlas")), &error));
    QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
    QCOMPARE(folderEntries(m_dir->path()),
             (QStringList{QStringLiteral("copy.ecoatlas"), QStringLiteral("original.ecoatlas")}));
    Database closed;
    QVERIFY(!closed.copyTo(path(QStringLiteral("none.ecoatlas")), &error));
}

void TestDatabase::readOnlyOpenOfWalFileLeavesNoSideFiles()
{
    // Issue 11, item 11 (command-line part): a file left in WAL mode by another program got
    // -wal and -shm side files from every read-only open, and kept them.
    const QString file = path(QStringLiteral("wal.ecoatlas"));
    QString error;
    QVERIFY2(createFilledFile(file, &error), qPrintable(error));
    QVERIFY2(runPlain(file, {QStringLiteral("PRAGMA journal_mode = WAL")}, &error),
             qPrintable(error));
    QCOMPARE(sideFiles(file), QStringList());
    const QByteArray before = readBytes(file);
    QCOMPARE(before.at(18), char(2)); // WAL mode in the header
    for (int i = 0; i < 2; ++i) {
        Database db;
        QVERIFY2(db.open(file, Database::Mode::ReadOnly, &error), qPrintable(error));
        QCOMPARE(countRows(db, QStringLiteral("organization")), 300);
        db.close();
        QCOMPARE(sideFiles(file), QStringList());
        QCOMPARE(readBytes(file), before);
    }
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
