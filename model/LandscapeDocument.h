// SPDX-License-Identifier: MIT
#pragma once

#include "Database.h"
#include "Landscape.h"
#include "Record.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace EcoAtlas {

/// One open landscape: the database file and the Landscape read from it. The document is the
/// single source of truth that every model (tables, graph, spheres, timelines) reads; models
/// rebuild on landscapeReset(). Works with no view attached.
class LandscapeDocument : public QObject
{
    Q_OBJECT
public:
    explicit LandscapeDocument(QObject *parent = nullptr);
    ~LandscapeDocument() override;

    /// Opens `path` (see Database::open: refused files are left untouched) and loads it.
    /// On failure the previously open landscape stays open and `*error` says why.
    bool open(const QString &path, Database::Mode mode, QString *error);
    /// Makes this document show `landscape` without a file (tests, generated landscapes).
    void setLandscape(Landscape landscape);
    /// Closes the file; the document becomes empty.
    void close();

    /// The file path, or empty for a document without a file.
    QString path() const;
    const Landscape &landscape() const { return m_landscape; }
    /// The open database, or nullptr for a document without a file.
    Database *database() const { return m_db.get(); }

    /// The undo stack of the document's changes (every record change is one command; node
    /// moves and re-layouts are pushed by the views). Cleared when another file is opened.
    QUndoStack *undoStack() { return &m_undo; }
    /// Whether the open file refuses writes.
    bool isReadOnly() const;

    /// The record of `kind` with `id`, or nullopt.
    std::optional<Record> record(RecordKind kind, RowId id) const;
    /// Why `record` cannot be stored as it is ("start: 'late 2023' is not a date", "key:
    /// 'x' is taken"), the JSON member at fault first; empty when it can.
    QString check(const Record &record) const;

    /// The change that adds `record` with a new id (and a key made from its name when it has
    /// none). `text` names the action for Undo ("Add organization" by default).
    ChangeSet addChange(Record record, const QString &text = {}) const;
    /// The change that replaces the stored record with `after` (same kind and id). Empty when
    /// there is no such record.
    ChangeSet editChange(const Record &after, const QString &text = {}) const;
    /// The change that deletes a record with everything that cannot exist without it: an
    /// organization's ties, figures, products and the claims it makes; a sector's "serves"
    /// ties. References that may be empty (a tie's product or deal, sources of other records,
    /// a source's "via") are cleared. Organizations keep their node positions in the change, so
    /// undo puts them back. Empty for an unknown record.
    ChangeSet deleteChange(RecordKind kind, RowId id) const;
    /// What a deletion of a record of kind `target` takes with it, for the confirmation:
    /// "also deletes 6 ties and 2 figures; removes references to it from 1 other record", or ""
    /// when it takes nothing.
    static QString consequences(const ChangeSet &changes, RecordKind target);
    /// The change that merges organization `dropId` into `keepId`: ties, figures, products and
    /// claims move to the one kept, the other's names and aliases become aliases, roles are
    /// joined, an empty country or notes are filled; a tie between the two goes; `dropId` is
    /// deleted. Empty for unknown or equal ids.
    ChangeSet mergeChange(RowId keepId, RowId dropId) const;

    /// Applies `changes` (from the functions above, or built by hand) as one undoable command:
    /// checked record by record against the landscape as it will be, written to the database
    /// in one transaction with its history entries, mirrored in memory, then landscapeChanged().
    /// Returns false and `*error` (naming the record and member) with nothing changed when a
    /// record is invalid, the file is read-only or the write fails.
    bool apply(const ChangeSet &changes, QString *error);
    /// apply() without the undo stack (the undo commands call it).
    bool applyDirect(const ChangeSet &changes, QString *error);

    /// The change history, oldest first (an in-memory list for a document without a file).
    QList<HistoryEntry> history(QString *error = nullptr) const;
    /// Reverts one history entry as a new undoable change: the field gets its old value back
    /// (other fields stay), an added record is deleted, a deleted one restored. False and
    /// `*error` when the record is gone (or back) or the old value is no longer valid.
    bool revert(const HistoryEntry &entry, QString *error);

    /// Sets one field of organization `id` — "name_en", "name_zh", "country" or "notes" — as
    /// an undoable change (editChange()). Returns false and `*error` (nothing changed) for a
    /// read-only document, an unknown id or field, or an empty English name.
    bool editOrganization(RowId id, const QString &field, const QString &value, QString *error);

    /// Copies the open database to `path` (SQLite VACUUM INTO: a consistent, compact copy),
    /// atomically (Database::copyTo). Refuses to overwrite an existing file.
    bool saveCopy(const QString &path, QString *error) const;

    /// The bundled seed landscape (resources/seed/landscape.json, compiled from the Zhidongxi
    /// article of November 2023; see docs/landscape-json.md). Aborts with a message if the
    /// bundled file does not parse: that is a build defect, caught by the tests.
    static Landscape seedLandscape();
    /// Writes a new database at `path` holding the seed landscape.
    static bool createSeedDatabase(const QString &path, QString *error);
    /// The per-user database (QStandardPaths::AppDataLocation/landscape.ecoatlas), created from
    /// the seed landscape when it does not exist yet. Returns its path, or empty and `*error`.
    static QString ensureUserDatabase(QString *error);

signals:
    /// The whole landscape changed (a file was opened or closed): rebuild everything.
    void landscapeReset();
    /// Records were added, changed or deleted (an edit, undo or redo) in the same file: views
    /// update and keep their state (positions, selection, filters).
    void landscapeChanged();
    /// An undo or redo could not be written (the file became read-only, the disk is full):
    /// the message says why; the landscape is as before the attempt.
    void changeFailed(const QString &message);

private:
    std::unique_ptr<Database> m_db;
    Landscape m_landscape;
    QUndoStack m_undo;
    QList<HistoryEntry> m_memoryHistory; ///< history of a document without a file
};

} // namespace EcoAtlas
