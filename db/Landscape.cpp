// SPDX-License-Identifier: MIT
#include "Landscape.h"

namespace EcoAtlas {

namespace Vocabulary {

const QStringList &roles()
{
    static const QStringList v{QStringLiteral("cloud_vendor"),
                               QStringLiteral("chip_vendor"),
                               QStringLiteral("model_developer"),
                               QStringLiteral("industry_client"),
                               QStringLiteral("investor"),
                               QStringLiteral("government"),
                               QStringLiteral("other")};
    return v;
}

const QStringList &tieKinds()
{
    static const QStringList v{QStringLiteral("hosting"),
                               QStringLiteral("investment"),
                               QStringLiteral("chip_order"),
                               QStringLiteral("partnership")};
    return v;
}

const QStringList &hostingServices()
{
    static const QStringList v{QStringLiteral("training"),
                               QStringLiteral("inference"),
                               QStringLiteral("vector_database"),
                               QStringLiteral("computing_cluster"),
                               QStringLiteral("development_platform"),
                               QStringLiteral("general")};
    return v;
}

const QStringList &chipOrderStatuses()
{
    static const QStringList v{QStringLiteral("ordered"),
                               QStringLiteral("delivered"),
                               QStringLiteral("at_risk"),
                               QStringLiteral("cancelled")};
    return v;
}

const QStringList &productKinds()
{
    static const QStringList v{QStringLiteral("model_platform"),
                               QStringLiteral("ai_platform"),
                               QStringLiteral("community"),
                               QStringLiteral("computing_cluster"),
                               QStringLiteral("database"),
                               QStringLiteral("model"),
                               QStringLiteral("chip"),
                               QStringLiteral("other")};
    return v;
}

QString label(const QString &name)
{
    static const QHash<QString, QString> special{
            {QStringLiteral("chip_order"), QStringLiteral("Chip order")},
            {QStringLiteral("at_risk"), QStringLiteral("At risk")},
            {QStringLiteral("ai_platform"), QStringLiteral("AI platform")},
            {QStringLiteral("up_to"), QStringLiteral("Up to")},
    };
    if (const auto it = special.constFind(name); it != special.constEnd())
        return *it;
    if (name.isEmpty())
        return name;
    QString text = name;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

} // namespace Vocabulary

QString Organization::displayName() const
{
    if (nameZh.isEmpty())
        return nameEn;
    return QStringLiteral("%1 (%2)").arg(nameEn, nameZh);
}

void Landscape::index()
{
    m_orgIndex.clear();
    m_sourceIndex.clear();
    m_productIndex.clear();
    m_dealIndex.clear();
    m_orgKeyIndex.clear();
    for (int i = 0; i < organizations.size(); ++i) {
        m_orgIndex.insert(organizations[i].id, i);
        m_orgKeyIndex.insert(organizations[i].key, i);
    }
    for (int i = 0; i < sources.size(); ++i)
        m_sourceIndex.insert(sources[i].id, i);
    for (int i = 0; i < products.size(); ++i)
        m_productIndex.insert(products[i].id, i);
    for (int i = 0; i < deals.size(); ++i)
        m_dealIndex.insert(deals[i].id, i);
}

namespace {
template<typename T>
const T *lookup(const QHash<RowId, int> &index, const QList<T> &list, RowId id)
{
    const auto it = index.constFind(id);
    return it == index.constEnd() ? nullptr : &list.at(*it);
}
} // namespace

const Organization *Landscape::organization(RowId id) const
{
    return lookup(m_orgIndex, organizations, id);
}

const Source *Landscape::source(RowId id) const
{
    return lookup(m_sourceIndex, sources, id);
}

const Product *Landscape::product(RowId id) const
{
    return lookup(m_productIndex, products, id);
}

const Deal *Landscape::deal(RowId id) const
{
    return lookup(m_dealIndex, deals, id);
}

const Organization *Landscape::organizationByKey(const QString &key) const
{
    const auto it = m_orgKeyIndex.constFind(key);
    return it == m_orgKeyIndex.constEnd() ? nullptr : &organizations.at(*it);
}

} // namespace EcoAtlas
