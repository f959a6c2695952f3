// SPDX-License-Identifier: MIT
#include "LandscapeTableModels.h"

#include "LandscapeDocument.h"

#include <QHash>

namespace EcoAtlas {

namespace {

const Landscape &emptyLandscape()
{
    static const Landscape empty;
    return empty;
}

/// ISO text of a date's first day for sorting; unknown dates sort first.
QVariant dateSortKey(const FuzzyDate &d)
{
    return d.isValid() ? d.earliest().toString(Qt::ISODate) : QString();
}

QVariant amountSortKey(const Amount &a)
{
    return a.value ? *a.value : -1.0;
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

QVariant idList(std::initializer_list<RowId> ids)
{
    QList<qint64> out;
    for (RowId id : ids)
        if (id)
            out.append(id);
    return QVariant::fromValue(out);
}

} // namespace

// ---------------------------------------------------------------------------------------------

LandscapeTableModel::LandscapeTableModel(LandscapeDocument *document,
                                         QStringList headers,
                                         QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_headers(std::move(headers))
{
    if (document) {
        connect(document, &LandscapeDocument::landscapeReset, this, [this] {
            beginResetModel();
            endResetModel();
        });
        // An edit may add, remove or rename rows, and a renamed organization shows in every
        // table that names it: the views keep their current record by id (TablePage).
        connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
            m_editReset = true;
            beginResetModel();
            endResetModel();
            m_editReset = false;
        });
    }
}

LandscapeDocument *LandscapeTableModel::document() const
{
    return m_document;
}

const Landscape &LandscapeTableModel::landscape() const
{
    return m_document ? m_document->landscape() : emptyLandscape();
}

int LandscapeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : itemCount();
}

int LandscapeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant LandscapeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == ModelRole::Sort) {
        const QVariant v = cell(index.row(), index.column(), ModelRole::Sort);
        return v.isValid() ? v : cell(index.row(), index.column(), Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole) {
        // The full cell text, for cells too narrow to show it; plain text.
        const QString text = cell(index.row(), index.column(), Qt::DisplayRole).toString();
        return text.size() > 40 ? QVariant(text) : QVariant();
    }
    // An editor starts with the current value (F2 on "Zhipu AI" shows "Zhipu AI").
    if (role == Qt::EditRole)
        return cell(index.row(), index.column(), Qt::DisplayRole);
    return cell(index.row(), index.column(), role);
}

QVariant LandscapeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

int LandscapeTableModel::rowOfId(RowId id) const
{
    for (int r = 0; r < itemCount(); ++r)
        if (cell(r, 0, ModelRole::Id).toLongLong() == id)
            return r;
    return -1;
}

QString LandscapeTableModel::evidenceCell(const EcoAtlas::Evidence &evidence) const
{
    const QString text = landscape().evidenceText(evidence);
    if (evidence.grade != EvidenceGrade::Reported)
        return text;
    return text.isEmpty() ? tr("reported") : tr("reported; %1").arg(text);
}

QString LandscapeTableModel::orgName(RowId id) const
{
    const Organization *o = landscape().organization(id);
    if (!o)
        return {};
    FigureOptions names;
    names.labels = m_labels;
    return names.name(*o);
}

void LandscapeTableModel::setLabelLanguage(LabelLanguage labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString LandscapeTableModel::sourceList(const QList<RowId> &ids) const
{
    QStringList names;
    for (RowId id : ids)
        if (const Source *s = landscape().source(id))
            names.append(s->publisher);
    return names.join(QStringLiteral("; "));
}

// ---------------------------------------------------------------------------------------------

OrganizationModel::OrganizationModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(document,
                          {tr("Name"),
                           tr("Chinese name"),
                           tr("Roles"),
                           tr("Parent"),
                           tr("Country"),
                           tr("Ties"),
                           tr("Aliases"),
                           tr("Notes")},
                          parent)
{}

Qt::ItemFlags OrganizationModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = LandscapeTableModel::flags(index);
    if (index.isValid()
        && (index.column() == NameEn || index.column() == NameZh || index.column() == Country
            || index.column() == Notes))
        f |= Qt::ItemIsEditable;
    return f;
}

bool OrganizationModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || !document())
        return false;
    static const QHash<int, QString> fields{{NameEn, QStringLiteral("name_en")},
                                            {NameZh, QStringLiteral("name_zh")},
                                            {Country, QStringLiteral("country")},
                                            {Notes, QStringLiteral("notes")}};
    const auto field = fields.constFind(index.column());
    if (field == fields.constEnd())
        return false;
    const RowId id = landscape().organizations.at(index.row()).id;
    if (cell(index.row(), index.column(), Qt::DisplayRole).toString() == value.toString())
        return true;
    QString error;
    if (!document()->editOrganization(id, *field, value.toString(), &error)) {
        emit editRefused(error);
        return false;
    }
    return true;
}

int OrganizationModel::itemCount() const
{
    return int(landscape().organizations.size());
}

QVariant OrganizationModel::cell(int row, int column, int role) const
{
    const Organization &o = landscape().organizations.at(row);
    switch (role) {
    case ModelRole::Id:
        return o.id;
    case ModelRole::Key:
        return o.key;
    case ModelRole::Roles:
        return o.roles;
    case ModelRole::OrganizationIds:
        return idList({o.id});
    case ModelRole::FilterText:
        return QStringList({o.nameEn, o.nameZh, o.aliases.join(QLatin1Char(' ')), o.key})
                .join(QLatin1Char(' '));
    case ModelRole::Sort:
        if (column == Ties)
            return cell(row, column, Qt::DisplayRole).toInt();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameEn:
        return o.nameEn;
    case NameZh:
        return o.nameZh;
    case Roles: {
        QStringList labels;
        for (const QString &r : o.roles)
            labels.append(Vocabulary::label(r));
        return labels.join(QStringLiteral(", "));
    }
    case Parent:
        return orgName(o.parentId);
    case Country:
        return o.country;
    case Ties: {
        int n = 0;
        for (const Tie &t : landscape().ties)
            n += (t.fromId == o.id || t.toId == o.id) ? 1 : 0;
        return QString::number(n);
    }
    case Aliases:
        return o.aliases.join(QStringLiteral(", "));
    case Notes:
        return o.notes;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

TieModel::TieModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(document,
                          {tr("Kind"),
                           tr("From"),
                           tr("To"),
                           tr("Through"),
                           tr("Service"),
                           tr("Amount"),
                           tr("Round"),
                           tr("Lead"),
                           tr("Chip"),
                           tr("Units"),
                           tr("Status"),
                           tr("Delivery"),
                           tr("Began"),
                           tr("Ended"),
                           tr("Evidence"),
                           tr("Sources"),
                           tr("Description")},
                          parent)
{}

QList<int> TieModel::columnsForKind(const QString &kind)
{
    const QList<int> common{From, To, Product, Start, End, Evidence, Sources, Description};
    QList<int> out;
    if (kind == QLatin1String("hosting"))
        out = {Service};
    else if (kind == QLatin1String("investment"))
        out = {Amount, Round, Lead};
    else if (kind == QLatin1String("chip_order"))
        out = {ChipModel, Units, Amount, Status, Delivery};
    else if (kind == QLatin1String("ownership"))
        out = {Amount};
    else if (kind == QLatin1String("compatibility"))
        out = {ChipModel};
    else if (kind.isEmpty())
        out = {Kind, Service, Amount, Round, Lead, ChipModel, Units, Status, Delivery};
    out += common;
    std::sort(out.begin(), out.end());
    return out;
}

int TieModel::itemCount() const
{
    return int(landscape().ties.size());
}

QVariant TieModel::cell(int row, int column, int role) const
{
    const Tie &t = landscape().ties.at(row);
    switch (role) {
    case ModelRole::Id:
        return t.id;
    case ModelRole::Key:
        return t.key;
    case ModelRole::Kind:
        return t.kind;
    case ModelRole::OrganizationIds:
        return idList({t.fromId, t.toId, t.evidence.claimantId});
    case ModelRole::FilterText: {
        QStringList parts{t.key, t.description, landscape().tieTargetName(t)};
        for (RowId id : {t.fromId, t.toId}) {
            if (const Organization *o = landscape().organization(id))
                parts << o->nameEn << o->nameZh << o->aliases;
        }
        return parts.join(QLatin1Char(' '));
    }
    case ModelRole::Sort:
        switch (column) {
        case Amount:
            return amountSortKey(t.amount);
        case Units:
            return amountSortKey(t.units);
        case Start:
            return dateSortKey(t.start);
        case End:
            return dateSortKey(t.end);
        case Delivery:
            return dateSortKey(t.delivery);
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool chip = t.kind == QLatin1String("chip_order");
    const bool investment = t.kind == QLatin1String("investment");
    switch (column) {
    case Kind:
        return Vocabulary::label(t.kind);
    case From:
        return orgName(t.fromId);
    case To:
        return landscape().tieTargetName(t);
    case Product: {
        const EcoAtlas::Product *p = landscape().product(t.productId);
        return p ? p->nameEn : QString();
    }
    case Service:
        return Vocabulary::label(t.service);
    case Amount:
        if (t.kind == QLatin1String("ownership"))
            return t.stake.value ? t.stake.toDisplayString(QStringLiteral("percent")) : QString();
        return (chip || investment) ? t.amount.toDisplayString() : QString();
    case Round:
        return t.round;
    case Lead:
        return (investment && t.lead) ? yesNo(*t.lead) : QString();
    case ChipModel:
        return t.chipModel;
    case Units:
        return chip ? t.units.toDisplayString() : QString();
    case Status:
        return Vocabulary::label(t.status);
    case Delivery:
        return chip ? t.delivery.toDisplayString() : QString();
    case Start:
        return t.start.toDisplayString();
    case End:
        return t.end.isValid() ? t.end.toDisplayString() : QString();
    case Evidence:
        return evidenceCell(t.evidence);
    case Sources:
        return sourceList(t.sourceIds);
    case Description:
        return t.description;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

SourceModel::SourceModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(
            document,
            {tr("Publisher"), tr("Title"), tr("Date"), tr("Via"), tr("URL"), tr("Cited by")},
            parent)
{}

int SourceModel::itemCount() const
{
    return int(landscape().sources.size());
}

QVariant SourceModel::cell(int row, int column, int role) const
{
    const Source &s = landscape().sources.at(row);
    auto citations = [&] {
        int n = 0;
        for (const Tie &t : landscape().ties)
            n += t.sourceIds.contains(s.id) ? 1 : 0;
        for (const Figure &f : landscape().figures)
            n += f.sourceIds.contains(s.id) ? 1 : 0;
        for (const EcoAtlas::Product &p : landscape().products)
            n += p.sourceIds.contains(s.id) ? 1 : 0;
        return n;
    };
    switch (role) {
    case ModelRole::Id:
        return s.id;
    case ModelRole::Key:
        return s.key;
    case ModelRole::FilterText:
        return QStringList({s.publisher, s.title, s.url, s.key}).join(QLatin1Char(' '));
    case ModelRole::Sort:
        if (column == Date)
            return dateSortKey(s.date);
        if (column == Citations)
            return citations();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Publisher:
        return s.publisher;
    case Title:
        return s.title;
    case Date:
        return s.date.toDisplayString();
    case Via: {
        const Source *via = landscape().source(s.viaId);
        return via ? via->publisher : QString();
    }
    case Url:
        return s.url;
    case Citations:
        return QString::number(citations());
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

DealModel::DealModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(document,
                          {tr("Title"),
                           tr("Amount"),
                           tr("Units"),
                           tr("Chip model"),
                           tr("Ties"),
                           tr("Evidence"),
                           tr("Sources")},
                          parent)
{}

int DealModel::itemCount() const
{
    return int(landscape().deals.size());
}

QVariant DealModel::cell(int row, int column, int role) const
{
    const Deal &d = landscape().deals.at(row);
    auto ties = [&] {
        QList<qint64> orgs;
        int n = 0;
        for (const Tie &t : landscape().ties) {
            if (t.dealId != d.id)
                continue;
            ++n;
            orgs << t.fromId << t.toId;
        }
        return std::pair{n, orgs};
    };
    switch (role) {
    case ModelRole::Id:
        return d.id;
    case ModelRole::Key:
        return d.key;
    case ModelRole::OrganizationIds:
        return QVariant::fromValue(ties().second);
    case ModelRole::FilterText:
        return QStringList({d.title, d.chipModel, d.key, d.notes}).join(QLatin1Char(' '));
    case ModelRole::Sort:
        if (column == Amount)
            return d.amount.value.value_or(-1);
        if (column == Units)
            return d.units.value.value_or(-1);
        if (column == Ties)
            return ties().first;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Title:
        return d.title;
    case Amount:
        return d.amount.isNull() ? QString() : d.amount.toDisplayString();
    case Units:
        return d.units.isNull() ? QString() : d.units.toDisplayString();
    case ChipModel:
        return d.chipModel;
    case Ties:
        return QString::number(ties().first);
    case Evidence:
        return evidenceCell(d.evidence);
    case Sources:
        return sourceList(d.sourceIds);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

SectorModel::SectorModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(
            document, {tr("Name"), tr("Chinese name"), tr("Served by"), tr("Notes")}, parent)
{}

int SectorModel::itemCount() const
{
    return int(landscape().sectors.size());
}

QVariant SectorModel::cell(int row, int column, int role) const
{
    const Sector &x = landscape().sectors.at(row);
    auto servedBy = [&] {
        QStringList names;
        QList<qint64> ids;
        for (const Tie &t : landscape().ties) {
            if (t.sectorId != x.id)
                continue;
            names << orgName(t.fromId);
            ids << t.fromId;
        }
        return std::pair{names, ids};
    };
    switch (role) {
    case ModelRole::Id:
        return x.id;
    case ModelRole::Key:
        return x.key;
    case ModelRole::OrganizationIds:
        return QVariant::fromValue(servedBy().second);
    case ModelRole::FilterText:
        return QStringList({x.nameEn, x.nameZh, x.key}).join(QLatin1Char(' '));
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameEn:
        return x.nameEn;
    case NameZh:
        return x.nameZh;
    case ServedBy:
        return servedBy().first.join(QStringLiteral(", "));
    case Notes:
        return x.notes;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

ProductModel::ProductModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(document,
                          {tr("Name"),
                           tr("Chinese name"),
                           tr("Owner"),
                           tr("Kind"),
                           tr("Launched"),
                           tr("Sources")},
                          parent)
{}

int ProductModel::itemCount() const
{
    return int(landscape().products.size());
}

QVariant ProductModel::cell(int row, int column, int role) const
{
    const EcoAtlas::Product &p = landscape().products.at(row);
    switch (role) {
    case ModelRole::Id:
        return p.id;
    case ModelRole::Key:
        return p.key;
    case ModelRole::Kind:
        return p.kind;
    case ModelRole::OrganizationIds:
        return idList({p.ownerId});
    case ModelRole::FilterText:
        return QStringList({p.nameEn, p.nameZh, orgName(p.ownerId), p.key}).join(QLatin1Char(' '));
    case ModelRole::Sort:
        return column == Launched ? dateSortKey(p.launched) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameEn:
        return p.nameEn;
    case NameZh:
        return p.nameZh;
    case Owner:
        return orgName(p.ownerId);
    case Kind:
        return Vocabulary::label(p.kind);
    case Launched:
        return p.launched.isValid() ? p.launched.toDisplayString() : QString();
    case Sources:
        return sourceList(p.sourceIds);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

FigureModel::FigureModel(LandscapeDocument *document, QObject *parent)
    : LandscapeTableModel(document,
                          {tr("Subject"),
                           tr("Statement"),
                           tr("Value"),
                           tr("As of"),
                           tr("Evidence"),
                           tr("Sources")},
                          parent)
{}

int FigureModel::itemCount() const
{
    return int(landscape().figures.size());
}

QVariant FigureModel::cell(int row, int column, int role) const
{
    const Figure &f = landscape().figures.at(row);
    switch (role) {
    case ModelRole::Id:
        return f.id;
    case ModelRole::Key:
        return f.key;
    case ModelRole::Kind:
        return f.metric;
    case ModelRole::OrganizationIds:
        return idList({f.subjectId, f.evidence.claimantId});
    case ModelRole::FilterText:
        return QStringList({orgName(f.subjectId), f.statement, f.metric}).join(QLatin1Char(' '));
    case ModelRole::Sort:
        if (column == Value)
            return amountSortKey(f.value);
        if (column == AsOf)
            return dateSortKey(f.asOf);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Subject:
        return f.subjectId ? orgName(f.subjectId) : tr("(market)");
    case Statement:
        return f.parties == PartySet::Open ? tr("%1 (names some parties, not all)").arg(f.statement)
                                           : f.statement;
    case Value:
        return f.value.value ? f.value.toDisplayString(f.unit) : QString();
    case AsOf:
        return f.asOf.toDisplayString();
    case Evidence:
        return evidenceCell(f.evidence);
    case Sources:
        return sourceList(f.sourceIds);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

LandscapeFilterProxyModel::LandscapeFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void LandscapeFilterProxyModel::setKindFilter(const QString &kind)
{
    if (kind == m_kind)
        return;
    beginResetModel();
    m_kind = kind;
    endResetModel();
    invalidate();
}

void LandscapeFilterProxyModel::setRoleFilter(const QString &role)
{
    if (role == m_role)
        return;
    m_role = role;
    invalidateFilter();
}

void LandscapeFilterProxyModel::setTextFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

bool LandscapeFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(ModelRole::Kind).toString() != m_kind)
        return false;
    if (!m_role.isEmpty() && !index.data(ModelRole::Roles).toStringList().contains(m_role))
        return false;
    if (!m_text.isEmpty()
        && !index.data(ModelRole::FilterText).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool LandscapeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        const QString a = l.toString();
        const QString b = r.toString();
        const int folded = a.toCaseFolded().localeAwareCompare(b.toCaseFolded());
        if (folded != 0)
            return folded < 0;
        return a.compare(b, Qt::CaseInsensitive) < 0
               || (a.compare(b, Qt::CaseInsensitive) == 0 && a < b);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool LandscapeFilterProxyModel::filterAcceptsColumn(int sourceColumn,
                                                    const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    if (qobject_cast<const TieModel *>(sourceModel()))
        return TieModel::columnsForKind(m_kind).contains(sourceColumn);
    return true;
}

} // namespace EcoAtlas
