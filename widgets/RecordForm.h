// SPDX-License-Identifier: MIT
#pragma once

#include "Record.h"

#include <QComboBox>
#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace EcoAtlas {

class LandscapeDocument;

/// An editable combo box that picks one organization: its items show "English (中文)", and
/// typing completes English names, Chinese names and aliases (any part of them). The value is
/// the organization's key; "" is none.
class OrganizationPicker : public QComboBox
{
    Q_OBJECT
public:
    /// `optional`: the first item is `noneText` ("None", "The market as a whole").
    OrganizationPicker(const Landscape &landscape,
                       bool optional,
                       const QString &noneText,
                       QWidget *parent = nullptr);
    /// Selects the organization with `key` ("" selects none when optional).
    void setKey(const QString &key);
    /// The key of the organization the text names (its English or Chinese name, an alias, or
    /// the item text), "" for none, or nullopt when the text names no organization.
    std::optional<QString> key() const;

private:
    const Landscape &m_landscape;
    bool m_optional;
};

/// The form that adds or edits one record of any kind (organization, tie of every kind, deal,
/// figure, product, sector, source): one labelled field per member of the landscape JSON
/// format, the kind-specific ones shown for the kind chosen. Fields help as the user types: a
/// date field shows the span it covers ("2023-10-late → 21–31 Oct 2023"), an amount field
/// the value, currency and qualifier it reads ("up to $4 billion → up to 4 billion USD"), the
/// evidence grade shows the claimant or rationale it needs, organization pickers complete
/// every name. On OK the record is checked as the store would (LandscapeDocument::check): a bad
/// value gets its message beside its field and nothing is written. A tie, deal or figure needs
/// a source unless it is graded inferred with a rationale; "New Source…" creates one inside
/// the form (a pasted URL suggests the publisher), saved with the record as one undo step.
class RecordForm : public QDialog
{
    Q_OBJECT
public:
    /// A form for `record` (id 0: a new record). With `applyOnAccept` (the default) OK applies
    /// the change to `document` (one undo step); without, OK only checks it (nested forms).
    RecordForm(LandscapeDocument *document,
               const Record &record,
               QWidget *parent = nullptr,
               bool applyOnAccept = true);

    /// The record as the fields describe it, after a successful accept().
    const Record &record() const { return m_record; }
    /// The change OK applied (or would apply): new sources made in the form, then the record.
    const ChangeSet &change() const { return m_change; }
    /// The input widget of a JSON member ("name_en", "start", "amount", "from", "sources", …),
    /// or nullptr (for tests and focus).
    QWidget *field(const QString &member) const { return m_fields.value(member); }
    /// The message shown beside a member's field ("" when it has none).
    QString message(const QString &member) const;
    /// The preview shown under a date or amount field ("21–31 Oct 2023").
    QString preview(const QString &member) const;
    /// The message shown above the fields for the record as a whole.
    QString generalMessage() const;

public slots:
    void accept() override;

private:
    enum class Type {
        Text,
        LongText,
        TextList,
        Roles,
        Choice,
        Country,
        Date,
        Money,
        Count,
        Organization,
        OptionalOrganization,
        Sector,
        Product,
        Deal,
        Source,
        Sources,
        Grade,
        PartySet,
        Lead,
    };
    struct Field
    {
        QString member;
        Type type;
        QWidget *row = nullptr; ///< the widget holding input, preview and message
        QLabel *preview = nullptr;
        QLabel *message = nullptr;
    };

    void build();
    /// Organizations: the parent (from the ownership tie) and "Add Ownership Tie…".
    void addParentRow();
    void addField(const QString &member,
                  const QString &label,
                  Type type,
                  const QStringList &choices = {});
    void load(const QJsonObject &object);
    /// Reads the fields into a JSON object; false (messages shown) when a field cannot be read.
    bool read(QJsonObject *object);
    void updateKindRows();
    void updatePreview(const QString &member);
    void setMessage(const QString &member, const QString &message);
    void clearMessages();
    void newSource();
    /// The landscape the record is checked against: the document's, with the sources made in
    /// this form.
    Landscape context() const;
    QString kindOfTie() const;

    LandscapeDocument *m_document;
    RecordKind m_kind;
    Record m_record;
    ChangeSet m_change;
    bool m_apply;
    bool m_isNew;
    QList<Source> m_newSources;
    QFormLayout *m_form = nullptr;
    QLabel *m_general = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QWidget *> m_fields;
    QList<Field> m_rows;
    QJsonObject m_base;
};

/// A publisher's name suggested from a URL's host: "www.reuters.com" → "Reuters",
/// "www.ft.com" → "Financial Times", "zhidx.com" → "Zhidongxi (智东西)"; else the host's main
/// label capitalised ("example.org" → "Example"); "" for a URL without a host.
QString suggestPublisher(const QString &url);

} // namespace EcoAtlas
