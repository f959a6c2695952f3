// SPDX-License-Identifier: MIT
#include "LandscapeDocument.h"

#include "LandscapeJson.h"
#include "LandscapeStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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

/// Undoable edit of one organization field. It is pushed after the edit was applied (so that
/// a refused edit leaves no command), hence its first redo() does nothing.
class EditOrganizationCommand : public QUndoCommand
{
public:
    EditOrganizationCommand(
            LandscapeDocument *doc, RowId id, QString field, QString before, QString after)
        : m_doc(doc)
        , m_id(id)
        , m_field(std::move(field))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        static const QHash<QString, QString> names{
                {QStringLiteral("name_en"), QObject::tr("name")},
                {QStringLiteral("name_zh"), QObject::tr("Chinese name")},
                {QStringLiteral("country"), QObject::tr("country")},
                {QStringLiteral("notes"), QObject::tr("notes")}};
        setText(QObject::tr("Edit %1").arg(names.value(m_field, m_field)));
    }
    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            return;
        }
        m_doc->applyOrganizationField(m_id, m_field, m_after, nullptr);
    }
    void undo() override { m_doc->applyOrganizationField(m_id, m_field, m_before, nullptr); }

private:
    LandscapeDocument *m_doc;
    RowId m_id;
    QString m_field;
    QString m_before;
    QString m_after;
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

} // namespace

bool LandscapeDocument::applyOrganizationField(RowId id,
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
    if (m_db) {
        if (m_db->isReadOnly()) {
            *error = QStringLiteral("%1 is open read-only").arg(m_db->path());
            return false;
        }
        if (!LandscapeStore::updateOrganization(*m_db, edited, error))
            return false;
    } else if (edited.nameEn.isEmpty()) {
        *error = QStringLiteral("an organization needs an English name");
        return false;
    }
    for (Organization &o : m_landscape.organizations)
        if (o.id == id)
            o = edited;
    emit organizationChanged(id);
    return true;
}

bool LandscapeDocument::editOrganization(RowId id,
                                         const QString &field,
                                         const QString &value,
                                         QString *error)
{
    // The value before the edit; applyOrganizationField() reports unknown ids and fields.
    Organization before;
    if (const Organization *current = m_landscape.organization(id))
        before = *current;
    const QString *old = fieldOf(before, field);
    // Apply first, so that a refusal (read-only, empty name) leaves no command behind.
    if (!applyOrganizationField(id, field, value, error))
        return false;
    m_undo.push(new EditOrganizationCommand(this, id, field, *old, value));
    return true;
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
