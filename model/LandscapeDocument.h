// SPDX-License-Identifier: MIT
#pragma once

#include "Database.h"
#include "Landscape.h"

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

    /// The undo stack of the document's edits (organization fields; node moves are pushed by the
    /// network view). Cleared when another file is opened.
    QUndoStack *undoStack() { return &m_undo; }

    /// Sets one editable field of organization `id` — "name_en", "name_zh", "country" or
    /// "notes" — in the database and in memory, as an undoable command. Returns false and
    /// `*error` (nothing changed) for a read-only document, an unknown id or field, or an
    /// empty English name. A document without a file changes in memory only.
    bool editOrganization(RowId id, const QString &field, const QString &value, QString *error);
    /// Applies a field value without the undo stack (used by the undo command itself).
    bool applyOrganizationField(RowId id,
                                const QString &field,
                                const QString &value,
                                QString *error);

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
    /// One organization's fields changed (an edit, undo or redo): its row and labels.
    void organizationChanged(qint64 id);

private:
    std::unique_ptr<Database> m_db;
    Landscape m_landscape;
    QUndoStack m_undo;
};

} // namespace EcoAtlas
