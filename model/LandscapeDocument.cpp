// SPDX-License-Identifier: MIT
#include "LandscapeDocument.h"

#include "LandscapeJson.h"
#include "LandscapeStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
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

bool LandscapeDocument::saveCopy(const QString &path, QString *error) const
{
    if (!m_db) {
        *error = QStringLiteral("this landscape has no database to copy");
        return false;
    }
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 already exists; choose another name").arg(path);
        return false;
    }
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("VACUUM INTO '%1'")
                        .arg(QString(path).replace(QLatin1Char('\''), QStringLiteral("''"))))) {
        *error = QStringLiteral("saving a copy to %1 failed: %2").arg(path, q.lastError().text());
        QFile::remove(path);
        return false;
    }
    return true;
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
