// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "Landscape.h"
#include "Record.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace EcoAtlas {

class LandscapeDocument;

/// Item-data roles shared by every landscape table model.
namespace ModelRole {
enum : int {
    Id = Qt::UserRole + 1, ///< RowId of the row's object (qint64)
    Key,                   ///< stable key (QString)
    Kind,                  ///< tie kind / product kind / figure metric (QString)
    Sort,                  ///< value to sort the column by (numbers, ISO dates, text)
    FilterText,            ///< all searchable text of the row: names in English, Chinese, aliases
    OrganizationIds,       ///< QList<qint64> of the organizations the row concerns
    Roles,                 ///< organizations: QStringList of role names
};
}

/// Base of the read-only table models over a LandscapeDocument: resets with the document,
/// answers the ModelRole roles, and shows every text from data as plain text (DisplayRole is
/// always a QString, never rich text). Subclasses describe their columns.
class LandscapeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// Row of the object with `id`, or -1.
    int rowOfId(RowId id) const;
    /// Names organizations (in from/to, parent, subject columns) in `labels`: "Alibaba Cloud",
    /// "阿里云" or "Alibaba Cloud 阿里云". English by default.
    void setLabelLanguage(LabelLanguage labels);
    LabelLanguage labelLanguage() const { return m_labels; }
    /// The kind of record each row is (ModelRole::Id is its id).
    virtual RecordKind recordKind() const = 0;
    /// True while the model resets for an edit of the same file (LandscapeDocument::
    /// landscapeChanged), false for a new file: views keep their current row and widths.
    bool isResettingForEdit() const { return m_editReset; }

protected:
    LandscapeTableModel(LandscapeDocument *document, QStringList headers, QObject *parent);
    const Landscape &landscape() const;
    /// Number of objects the model lists.
    virtual int itemCount() const = 0;
    /// Value of `role` for `row`, `column` (row and column already checked).
    virtual QVariant cell(int row, int column, int role) const = 0;

    /// "Alibaba Cloud" for an organization id, empty for 0 or unknown.
    QString orgName(RowId id) const;
    /// The Evidence column's text: "reported" (with "; caveat: …"), "claimed by …",
    /// "inferred: <rationale>" — never blank, so a reader sees the grade of every row.
    QString evidenceCell(const EcoAtlas::Evidence &evidence) const;
    /// Publishers of the given sources, joined: "Zhidongxi (智东西); Financial Times".
    QString sourceList(const QList<RowId> &ids) const;

private:
    QPointer<LandscapeDocument> m_document;
    QStringList m_headers;
    LabelLanguage m_labels = LabelLanguage::English;
    bool m_editReset = false;

protected:
    /// The document, or nullptr once it is gone.
    LandscapeDocument *document() const;
};

/// Organizations: one row each, columns Columns. FilterText holds both names and all aliases.
class OrganizationModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { NameEn, NameZh, Roles, Parent, Country, Ties, Aliases, Notes, ColumnCount };
    explicit OrganizationModel(LandscapeDocument *document, QObject *parent = nullptr);

    /// Name, Chinese name, country and notes are editable; every edit is written to the
    /// database at once and can be undone (LandscapeDocument::editOrganization).
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Edits through the document; a refused edit returns false and emits editRefused().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    RecordKind recordKind() const override { return RecordKind::Organization; }

signals:
    /// An edit was refused (read-only file, empty name): the message says why.
    void editRefused(const QString &message);

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Ties of every kind: one row each. Columns for one kind only are empty for the others;
/// TieFilterProxyModel shows the columns of one kind. Amount columns sort by value.
class TieModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column {
        Kind,
        From,
        To,
        Product,
        Service,
        Amount,
        Round,
        Lead,
        ChipModel,
        Units,
        Status,
        Delivery,
        Start,
        End,
        Evidence,
        Sources,
        Description,
        ColumnCount
    };
    explicit TieModel(LandscapeDocument *document, QObject *parent = nullptr);
    /// The columns that mean something for ties of `kind` (all columns for an empty kind).
    static QList<int> columnsForKind(const QString &kind);

    RecordKind recordKind() const override { return RecordKind::Tie; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Sources: publisher, title, date (with precision), the source that relays it, URL, and how
/// many ties, figures and products cite it.
class SourceModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { Publisher, Title, Date, Via, Url, Citations, ColumnCount };
    explicit SourceModel(LandscapeDocument *document, QObject *parent = nullptr);

    RecordKind recordKind() const override { return RecordKind::Source; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Products and platforms (Qianfan, Bailian, ModelScope …) with their owner.
class ProductModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { NameEn, NameZh, Owner, Kind, Launched, Sources, ColumnCount };
    explicit ProductModel(LandscapeDocument *document, QObject *parent = nullptr);

    RecordKind recordKind() const override { return RecordKind::Product; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Dated figures and claims ("Qianfan manages 42 models"), with their evidence: claims name
/// who makes them, inferences why; "including …" statements say the set is open.
class FigureModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { Subject, Statement, Value, AsOf, Evidence, Sources, ColumnCount };
    explicit FigureModel(LandscapeDocument *document, QObject *parent = nullptr);

    RecordKind recordKind() const override { return RecordKind::Figure; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Chip deals reported together (one total split among buyers): title, amount, units, chip
/// model, how many ties belong to it, evidence and sources.
class DealModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Amount, Units, ChipModel, Ties, Evidence, Sources, ColumnCount };
    explicit DealModel(LandscapeDocument *document, QObject *parent = nullptr);
    RecordKind recordKind() const override { return RecordKind::Deal; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Industry sectors (医疗 healthcare, 教育 education …) and the vendors that serve them.
class SectorModel : public LandscapeTableModel
{
    Q_OBJECT
public:
    enum Column { NameEn, NameZh, ServedBy, Notes, ColumnCount };
    explicit SectorModel(LandscapeDocument *document, QObject *parent = nullptr);
    RecordKind recordKind() const override { return RecordKind::Sector; }

protected:
    int itemCount() const override;
    QVariant cell(int row, int column, int role) const override;
};

/// Sorting and filtering for the landscape tables: by kind (ModelRole::Kind), by an
/// organization role (ModelRole::Roles) and by free text matched case-insensitively against
/// ModelRole::FilterText (so a search finds English names, Chinese names and aliases).
/// With a kind set on a TieModel source, only that kind's columns are shown.
class LandscapeFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LandscapeFilterProxyModel(QObject *parent = nullptr);

    /// Keeps rows whose ModelRole::Kind equals `kind`; empty keeps all.
    void setKindFilter(const QString &kind);
    QString kindFilter() const { return m_kind; }
    /// Keeps rows whose ModelRole::Roles contains `role`; empty keeps all.
    void setRoleFilter(const QString &role);
    /// Keeps rows whose ModelRole::FilterText contains `text` (case-insensitive).
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const override;
    /// Text sorts case-insensitively and by the locale even under the C locale ("iFLYTEK"
    /// before "Zhipu AI"): QSortFilterProxyModel's locale-aware compare ignores the case
    /// setting. Numbers and dates compare as values.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_kind;
    QString m_role;
    QString m_text;
};

} // namespace EcoAtlas
