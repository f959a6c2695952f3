// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

namespace EcoAtlas {

/// The RAII owner of one SQLite connection to one landscape document (one file = one
/// landscape). Opening validates the file and runs forward-only schema migrations in one
/// transaction; foreign keys are on and the journal is in WAL mode for read-write documents.
///
/// Files are refused, with a one-line message and without a single byte changed, when they
/// are not SQLite, not EcoAtlas (`PRAGMA application_id`), written by a newer EcoAtlas
/// (`PRAGMA user_version` above schemaVersion()), damaged (`PRAGMA quick_check`) or holding a
/// row that breaks its table's CHECK, NOT NULL or UNIQUE constraints (SQLite checks them only
/// on writes; the message names the table and the row): those checks run on a read-only
/// connection before anything is opened for writing.
///
/// One connection per thread: a Database must be used from the thread that opened it.
class Database
{
public:
    /// The schema version this build writes and reads (older files are migrated on open).
    static constexpr int kSchemaVersion = 4;
    /// The oldest schema a read-only connection reads as it is (schema 4 only added the
    /// history, which a read-only reader does without).
    static constexpr int kOldestReadOnlyVersion = 3;
    /// `PRAGMA application_id` of every EcoAtlas file: 'ECOA' (0x45434F41).
    static constexpr int kApplicationId = 0x45434F41;

    enum class Mode { ReadWrite, ReadOnly };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens an existing landscape file. ReadWrite migrates an older schema; ReadOnly reads
    /// schemas from kOldestReadOnlyVersion on as they are and refuses older ones. Returns false and
    /// sets `*error` on any refusal.
    bool open(const QString &path, Mode mode, QString *error);
    /// Creates a new, empty landscape file at `path` with the schema at `version` (tests
    /// create older versions to exercise migrations) and opens it for writing. Refuses to
    /// overwrite an existing file. Atomic, as createAtomically().
    bool create(const QString &path, QString *error, int version = kSchemaVersion);

    /// Fills a new database for `path` through `fill` (may be empty), atomically: the schema
    /// and the content are written into a temporary file in the same folder, which is closed,
    /// flushed to disk (fsync) and only then renamed to `path`, refusing to replace a file that
    /// exists. A failure, or a process killed at any moment, leaves nothing at `path` (a killed
    /// one may leave a hidden `.NAME.XXXXXX.creating` file beside it). Returns false and
    /// `*error` when `path` exists, its folder does not, or a step fails.
    static bool createAtomically(const QString &path,
                                 const std::function<bool(Database &db, QString *error)> &fill,
                                 QString *error,
                                 int version = kSchemaVersion);
    /// Writes a consistent, compact copy of the open database to `path` (SQLite VACUUM
    /// INTO), atomically as createAtomically(): the copy appears complete or not at all, and an
    /// existing file at `path` is never replaced. False and `*error` otherwise.
    bool copyTo(const QString &path, QString *error) const;
    /// Closes the connection (also done by the destructor).
    void close();

    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    /// The connection, for QSqlQuery. Valid while the Database is open.
    QSqlDatabase connection() const;
    /// `PRAGMA user_version` of the open file.
    int schemaVersion() const;

    /// Runs `work` inside one transaction: commits when it returns true, rolls back (and
    /// keeps its `*error`) when it returns false. Returns whether the commit succeeded.
    bool transaction(const std::function<bool(QString *error)> &work, QString *error);

    /// Checks a file without opening it for writing: returns its schema version, or -1 and
    /// `*error` when it is not a readable, intact EcoAtlas file of a version this build reads
    /// or a row breaks its table's constraints.
    static int inspect(const QString &path, QString *error);

    /// Every problem inspect() can find in `path`, one message each, without opening it for
    /// writing: when the file is readable, every table whose rows break its constraints (its
    /// first such row named) and every dangling reference (up to 100); otherwise the one
    /// reason it cannot be read. Empty when the file passes. For `ecoatlas --check`.
    static QStringList check(const QString &path);

private:
    /// inspect(); with `problems`, collects every row-level problem there instead of
    /// stopping at the first.
    static int inspect(const QString &path, QString *error, QStringList *problems);
    /// `immutable` opens read-only without locking and without creating the -wal and -shm
    /// side files (SQLite URI parameter immutable=1): for inspecting files that may be refused.
    bool openConnection(const QString &path, bool readOnly, QString *error, bool immutable = false);
    bool migrate(int fromVersion, int toVersion, QString *error);

    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
};

/// Runs one SQL statement on `db` with positional bindings; on failure sets `*error` to
/// "what: driver message" and returns false. For the store's internal use and tests.
bool execSql(QSqlDatabase db, const QString &sql, QString *error, const QVariantList &bind = {});

} // namespace EcoAtlas
