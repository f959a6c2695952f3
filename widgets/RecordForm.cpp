// SPDX-License-Identifier: MIT
#include "RecordForm.h"

#include "LandscapeDocument.h"
#include "LandscapeJson.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace EcoAtlas {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

/// The tie kinds a kind-specific member belongs to (members not listed belong to every kind).
const QHash<QString, QStringList> &tieMemberKinds()
{
    static const QHash<QString, QStringList> m{
            {QStringLiteral("to"),
             {QStringLiteral("hosting"),
              QStringLiteral("investment"),
              QStringLiteral("chip_order"),
              QStringLiteral("partnership"),
              QStringLiteral("ownership"),
              QStringLiteral("backing"),
              QStringLiteral("compatibility")}},
            {QStringLiteral("sector"), {QStringLiteral("serves")}},
            {QStringLiteral("service"), {QStringLiteral("hosting")}},
            {QStringLiteral("amount"),
             {QStringLiteral("investment"), QStringLiteral("chip_order")}},
            {QStringLiteral("round"), {QStringLiteral("investment")}},
            {QStringLiteral("lead"), {QStringLiteral("investment")}},
            {QStringLiteral("chip_model"),
             {QStringLiteral("chip_order"), QStringLiteral("compatibility")}},
            {QStringLiteral("units"), {QStringLiteral("chip_order")}},
            {QStringLiteral("status"), {QStringLiteral("chip_order")}},
            {QStringLiteral("status_date"), {QStringLiteral("chip_order")}},
            {QStringLiteral("delivery"), {QStringLiteral("chip_order")}},
            {QStringLiteral("deal"), {QStringLiteral("chip_order")}},
            {QStringLiteral("stake"), {QStringLiteral("ownership")}},
    };
    return m;
}

QString jsonText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

/// Every ISO 3166 territory Qt knows, as ("China", "CN"), sorted by name.
const QList<std::pair<QString, QString>> &countries()
{
    static const QList<std::pair<QString, QString>> list = [] {
        QList<std::pair<QString, QString>> out;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = static_cast<QLocale::Territory>(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() != 2 || !code.at(0).isLetter() || !code.at(1).isLetter())
                continue;
            out.append({QLocale::territoryToString(territory), code});
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return list;
}

} // namespace

// ---------------------------------------------------------------------------------------------

OrganizationPicker::OrganizationPicker(const Landscape &landscape,
                                       bool optional,
                                       const QString &noneText,
                                       QWidget *parent)
    : QComboBox(parent)
    , m_landscape(landscape)
    , m_optional(optional)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    lineEdit()->setPlaceholderText(tr("Type a name: English, 中文 or an alias"));
    if (optional)
        addItem(noneText, QString());
    else
        setCurrentIndex(-1);
    QList<const Organization *> orgs;
    for (const Organization &o : landscape.organizations)
        orgs.append(&o);
    std::sort(orgs.begin(), orgs.end(), [](const Organization *a, const Organization *b) {
        return QString::localeAwareCompare(a->nameEn, b->nameEn) < 0;
    });
    // The completer lists every name an organization goes by, each leading to its item.
    auto *names = new QStandardItemModel(this);
    for (const Organization *o : std::as_const(orgs)) {
        addItem(o->displayName(), o->key);
        for (const QString &name : QStringList{o->nameEn, o->nameZh} + o->aliases) {
            if (name.isEmpty())
                continue;
            auto *item = new QStandardItem(
                    name == o->nameEn ? o->displayName()
                                      : QStringLiteral("%1 — %2").arg(name, o->nameEn));
            item->setData(o->key, kKeyRole);
            names->appendRow(item);
        }
    }
    auto *completer = new QCompleter(names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);
    connect(completer,
            QOverload<const QModelIndex &>::of(&QCompleter::activated),
            this,
            [this](const QModelIndex &index) { setKey(index.data(kKeyRole).toString()); });
}

void OrganizationPicker::setKey(const QString &key)
{
    const int i = findData(key);
    setCurrentIndex(i >= 0 ? i : (m_optional ? 0 : -1));
    if (i >= 0)
        setEditText(itemText(i));
}

std::optional<QString> OrganizationPicker::key() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty() || (m_optional && text == itemText(0)))
        return m_optional || text.isEmpty() ? std::optional<QString>(QString()) : std::nullopt;
    const int i = findText(text, Qt::MatchFixedString);
    if (i >= 0)
        return itemData(i).toString();
    // "阿里云 — Alibaba Cloud" from the completer, or a name typed in full.
    const QString name = text.section(QStringLiteral(" — "), 0, 0);
    for (const Organization &o : m_landscape.organizations) {
        for (const QString &n : QStringList{o.nameEn, o.nameZh, o.key} + o.aliases)
            if (!n.isEmpty() && n.compare(name, Qt::CaseInsensitive) == 0)
                return o.key;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------

QString suggestPublisher(const QString &url)
{
    QString host = QUrl::fromUserInput(url.trimmed()).host().toLower();
    if (host.isEmpty())
        return {};
    static const QHash<QString, QString> known{
            {QStringLiteral("reuters.com"), QStringLiteral("Reuters")},
            {QStringLiteral("ft.com"), QStringLiteral("Financial Times")},
            {QStringLiteral("bloomberg.com"), QStringLiteral("Bloomberg")},
            {QStringLiteral("scmp.com"), QStringLiteral("South China Morning Post")},
            {QStringLiteral("globaltimes.cn"), QStringLiteral("Global Times")},
            {QStringLiteral("zhidx.com"), QStringLiteral("Zhidongxi (智东西)")},
            {QStringLiteral("caixin.com"), QStringLiteral("Caixin (财新)")},
            {QStringLiteral("caixinglobal.com"), QStringLiteral("Caixin Global")},
            {QStringLiteral("36kr.com"), QStringLiteral("36Kr (36氪)")},
            {QStringLiteral("wsj.com"), QStringLiteral("The Wall Street Journal")},
            {QStringLiteral("nytimes.com"), QStringLiteral("The New York Times")},
            {QStringLiteral("theinformation.com"), QStringLiteral("The Information")},
            {QStringLiteral("xinhuanet.com"), QStringLiteral("Xinhua (新华社)")},
            {QStringLiteral("people.com.cn"), QStringLiteral("People's Daily (人民日报)")},
            {QStringLiteral("yicai.com"), QStringLiteral("Yicai (第一财经)")},
            {QStringLiteral("thepaper.cn"), QStringLiteral("The Paper (澎湃新闻)")},
    };
    QStringList labels = host.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (int i = 0; i + 1 < labels.size(); ++i) {
        const QString tail = labels.mid(i).join(QLatin1Char('.'));
        if (const auto it = known.constFind(tail); it != known.constEnd())
            return *it;
    }
    // The label before the public suffix ("example" of www.example.co.uk).
    static const QStringList second{QStringLiteral("co"),
                                    QStringLiteral("com"),
                                    QStringLiteral("org"),
                                    QStringLiteral("net"),
                                    QStringLiteral("gov"),
                                    QStringLiteral("edu"),
                                    QStringLiteral("ac")};
    while (labels.size() > 2 && second.contains(labels.at(labels.size() - 2)))
        labels.removeLast();
    QString main = labels.size() >= 2 ? labels.at(labels.size() - 2) : labels.value(0);
    if (main.isEmpty())
        return {};
    main[0] = main[0].toUpper();
    return main;
}

// ---------------------------------------------------------------------------------------------

RecordForm::RecordForm(LandscapeDocument *document,
                       const Record &record,
                       QWidget *parent,
                       bool applyOnAccept)
    : QDialog(parent)
    , m_document(document)
    , m_kind(recordKind(record))
    , m_record(record)
    , m_apply(applyOnAccept)
    , m_isNew(recordId(record) == 0)
{
    setObjectName(QStringLiteral("RecordForm"));
    const QString kindLabel = recordKindLabel(m_kind);
    setWindowTitle(m_isNew ? tr("Add %1").arg(kindLabel)
                           : tr("Edit %1 — %2")
                                     .arg(kindLabel, recordTitle(record, document->landscape())));
    m_base = LandscapeJson::recordToJson(document->landscape(), record);
    build();
    load(m_base);
    updateKindRows();
}

void RecordForm::build()
{
    auto *outer = new QVBoxLayout(this);
    m_general = new QLabel(this);
    m_general->setObjectName(QStringLiteral("GeneralMessage"));
    m_general->setWordWrap(true);
    m_general->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_general->setTextFormat(Qt::PlainText);
    m_general->hide();
    outer->addWidget(m_general);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QWidget(scroll);
    m_form = new QFormLayout(inner);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);

    switch (m_kind) {
    case RecordKind::Source:
        addField(QStringLiteral("publisher"), tr("&Publisher"), Type::Text);
        addField(QStringLiteral("title"), tr("&Title"), Type::Text);
        addField(QStringLiteral("date"), tr("&Date"), Type::Date);
        addField(QStringLiteral("url"), tr("&URL"), Type::Text);
        addField(QStringLiteral("via"), tr("Relayed &by"), Type::Source);
        addField(QStringLiteral("retrieved_on"), tr("Retrie&ved on"), Type::Date);
        addField(QStringLiteral("notes"), tr("&Notes"), Type::LongText);
        break;
    case RecordKind::Organization:
        addField(QStringLiteral("name_en"), tr("&Name (English)"), Type::Text);
        addField(QStringLiteral("name_zh"), tr("&Chinese name"), Type::Text);
        addField(QStringLiteral("aliases"), tr("&Aliases"), Type::TextList);
        addField(QStringLiteral("roles"), tr("&Roles"), Type::Roles);
        addField(QStringLiteral("country"), tr("C&ountry"), Type::Country);
        addField(QStringLiteral("website"), tr("&Website"), Type::Text);
        addField(QStringLiteral("notes"), tr("N&otes"), Type::LongText);
        addParentRow();
        break;
    case RecordKind::Sector:
        addField(QStringLiteral("name_en"), tr("&Name (English)"), Type::Text);
        addField(QStringLiteral("name_zh"), tr("&Chinese name"), Type::Text);
        addField(QStringLiteral("notes"), tr("N&otes"), Type::LongText);
        break;
    case RecordKind::Product:
        addField(QStringLiteral("owner"), tr("O&wner"), Type::Organization);
        addField(QStringLiteral("name_en"), tr("&Name (English)"), Type::Text);
        addField(QStringLiteral("name_zh"), tr("&Chinese name"), Type::Text);
        addField(QStringLiteral("kind"), tr("&Kind"), Type::Choice, Vocabulary::productKinds());
        addField(QStringLiteral("launched"), tr("&Launched"), Type::Date);
        addField(QStringLiteral("sources"), tr("&Sources"), Type::Sources);
        addField(QStringLiteral("notes"), tr("N&otes"), Type::LongText);
        break;
    case RecordKind::Deal:
        addField(QStringLiteral("title"), tr("&Title"), Type::Text);
        addField(QStringLiteral("amount"), tr("&Amount"), Type::Money);
        addField(QStringLiteral("units"), tr("&Units"), Type::Count);
        addField(QStringLiteral("chip_model"), tr("C&hip model"), Type::Text);
        addField(QStringLiteral("party_set"), tr("&Parties"), Type::PartySet);
        addField(QStringLiteral("evidence"), tr("&Evidence"), Type::Grade);
        addField(QStringLiteral("sources"), tr("&Sources"), Type::Sources);
        addField(QStringLiteral("notes"), tr("N&otes"), Type::LongText);
        break;
    case RecordKind::Tie:
        addField(QStringLiteral("kind"), tr("&Kind"), Type::Choice, Vocabulary::tieKinds());
        addField(QStringLiteral("from"), tr("&From"), Type::Organization);
        addField(QStringLiteral("to"), tr("&To"), Type::Organization);
        addField(QStringLiteral("sector"), tr("Se&ctor"), Type::Sector);
        addField(QStringLiteral("service"),
                 tr("Ser&vice"),
                 Type::Choice,
                 Vocabulary::hostingServices());
        addField(QStringLiteral("amount"), tr("&Amount"), Type::Money);
        addField(QStringLiteral("round"), tr("&Round"), Type::Text);
        addField(QStringLiteral("lead"), tr("&Lead investor"), Type::Lead);
        addField(QStringLiteral("chip_model"), tr("C&hip model"), Type::Text);
        addField(QStringLiteral("units"), tr("&Units"), Type::Count);
        addField(QStringLiteral("status"),
                 tr("Stat&us"),
                 Type::Choice,
                 Vocabulary::chipOrderStatuses());
        addField(QStringLiteral("status_date"), tr("Status &date"), Type::Date);
        addField(QStringLiteral("delivery"), tr("&Delivery"), Type::Date);
        addField(QStringLiteral("deal"), tr("D&eal"), Type::Deal);
        addField(QStringLiteral("stake"), tr("Stake (%)"), Type::Count);
        addField(QStringLiteral("product"), tr("&Product"), Type::Product);
        addField(QStringLiteral("start"), tr("&Start"), Type::Date);
        addField(QStringLiteral("end"), tr("E&nd"), Type::Date);
        addField(QStringLiteral("evidence"), tr("&Evidence"), Type::Grade);
        addField(QStringLiteral("sources"), tr("&Sources"), Type::Sources);
        addField(QStringLiteral("description"), tr("Descr&iption"), Type::LongText);
        break;
    case RecordKind::Figure:
        addField(QStringLiteral("subject"), tr("S&ubject"), Type::OptionalOrganization);
        addField(QStringLiteral("product"), tr("&Product"), Type::Product);
        addField(QStringLiteral("metric"), tr("&Metric"), Type::Text);
        addField(QStringLiteral("value"), tr("&Value"), Type::Money);
        addField(QStringLiteral("unit"), tr("U&nit"), Type::Text);
        addField(QStringLiteral("as_of"), tr("&As of"), Type::Date);
        addField(QStringLiteral("party_set"), tr("&Parties"), Type::PartySet);
        addField(QStringLiteral("evidence"), tr("&Evidence"), Type::Grade);
        addField(QStringLiteral("statement"), tr("S&tatement"), Type::LongText);
        addField(QStringLiteral("sources"), tr("&Sources"), Type::Sources);
        break;
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_isNew ? tr("&Add") : tr("&Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordForm::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(m_buttons);
    resize(560, std::min(760, 140 + 46 * int(m_rows.size())));
}

void RecordForm::addField(const QString &member,
                          const QString &label,
                          Type type,
                          const QStringList &choices)
{
    const Landscape &l = m_document->landscape();
    auto *row = new QWidget(this);
    // Rows keep their height; spare height goes below the last row.
    row->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *box = new QVBoxLayout(row);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(1);
    QWidget *input = nullptr;
    Field f{member, type};
    switch (type) {
    case Type::Text:
    case Type::TextList:
    case Type::Date:
    case Type::Money:
    case Type::Count: {
        auto *edit = new QLineEdit(row);
        if (type == Type::TextList)
            edit->setPlaceholderText(tr("Separate names with ;"));
        if (type == Type::Date)
            edit->setPlaceholderText(tr("2023-10-28, late October 2023, 2023-Q4, 2023年10月下旬…"));
        if (type == Type::Money)
            edit->setPlaceholderText(tr("up to $4 billion, over 2.5 billion yuan, ¥25亿, $300M…"));
        if (type == Type::Count)
            edit->setPlaceholderText(tr("about 100,000, over 70, undisclosed…"));
        if (type == Type::Date || type == Type::Money || type == Type::Count)
            connect(edit, &QLineEdit::textChanged, this, [this, member] { updatePreview(member); });
        input = edit;
        break;
    }
    case Type::LongText: {
        auto *edit = new QPlainTextEdit(row);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(member == QLatin1String("statement")
                                             || member == QLatin1String("description")
                                     ? 72
                                     : 56);
        input = edit;
        break;
    }
    case Type::Roles: {
        auto *list = new QListWidget(row);
        for (const QString &role : Vocabulary::roles()) {
            auto *item = new QListWidgetItem(Vocabulary::label(role), list);
            item->setData(kKeyRole, role);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Unchecked);
        }
        list->setFlow(QListView::LeftToRight);
        list->setWrapping(true);
        list->setFixedHeight(56);
        input = list;
        break;
    }
    case Type::Choice:
    case Type::Grade:
    case Type::PartySet:
    case Type::Lead: {
        auto *combo = new QComboBox(row);
        if (type == Type::Choice) {
            if (member == QLatin1String("service"))
                combo->addItem(tr("General"), QStringLiteral("general"));
            for (const QString &c : choices)
                if (combo->findData(c) < 0)
                    combo->addItem(Vocabulary::label(c), c);
        } else if (type == Type::Grade) {
            for (EvidenceGrade g : kEvidenceGrades)
                combo->addItem(evidenceGradeLabel(g), evidenceGradeName(g));
        } else if (type == Type::PartySet) {
            combo->addItem(tr("Closed: the named parties are all of them"),
                           QStringLiteral("closed"));
            combo->addItem(tr("Open: the source says “including …”"), QStringLiteral("open"));
        } else {
            combo->addItem(tr("Not reported"), QString());
            combo->addItem(tr("Lead investor"), QStringLiteral("true"));
            combo->addItem(tr("Not the lead"), QStringLiteral("false"));
        }
        input = combo;
        if (member == QLatin1String("kind") && m_kind == RecordKind::Tie)
            connect(combo, &QComboBox::currentIndexChanged, this, &RecordForm::updateKindRows);
        if (type == Type::Grade)
            connect(combo, &QComboBox::currentIndexChanged, this, &RecordForm::updateKindRows);
        break;
    }
    case Type::Country: {
        auto *combo = new QComboBox(row);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItem(QString(), QString());
        combo->lineEdit()->setPlaceholderText(tr("Not given: type a country or its code"));
        for (const auto &[name, code] : countries())
            combo->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        input = combo;
        break;
    }
    case Type::Organization:
    case Type::OptionalOrganization:
        input = new OrganizationPicker(
                l,
                type == Type::OptionalOrganization,
                member == QLatin1String("subject") ? tr("The market as a whole") : tr("None"),
                row);
        break;
    case Type::Sector:
    case Type::Product:
    case Type::Deal:
    case Type::Source: {
        auto *combo = new QComboBox(row);
        combo->addItem(tr("None"), QString());
        if (type == Type::Sector)
            for (const Sector &x : l.sectors)
                combo->addItem(x.nameZh.isEmpty()
                                       ? x.nameEn
                                       : QStringLiteral("%1 (%2)").arg(x.nameEn, x.nameZh),
                               x.key);
        if (type == Type::Product)
            for (const Product &p : l.products)
                combo->addItem(
                        QStringLiteral("%1 — %2").arg(p.nameEn, l.organizationName(p.ownerId)),
                        p.key);
        if (type == Type::Deal)
            for (const Deal &d : l.deals)
                combo->addItem(d.title, d.key);
        if (type == Type::Source)
            for (const Source &s : l.sources)
                if (s.id != recordId(m_record) || m_kind != RecordKind::Source)
                    combo->addItem(recordTitle(s, l), s.key);
        input = combo;
        break;
    }
    case Type::Sources: {
        auto *holder = new QWidget(row);
        auto *h = new QHBoxLayout(holder);
        h->setContentsMargins(0, 0, 0, 0);
        auto *list = new QListWidget(holder);
        list->setObjectName(QStringLiteral("sources"));
        for (const Source &s : l.sources) {
            auto *item = new QListWidgetItem(recordTitle(s, l), list);
            item->setData(kKeyRole, s.key);
            item->setToolTip(s.url.isEmpty() ? recordTitle(s, l) : s.url);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Unchecked);
        }
        list->setFixedHeight(84);
        list->setAccessibleName(tr("Sources"));
        auto *add = new QPushButton(tr("&New Source…"), holder);
        add->setObjectName(QStringLiteral("NewSource"));
        add->setToolTip(tr("Create a source (paste its URL: the publisher is suggested) and cite "
                           "it"));
        connect(add, &QPushButton::clicked, this, &RecordForm::newSource);
        h->addWidget(list, 1);
        h->addWidget(add, 0, Qt::AlignTop);
        box->addWidget(holder);
        m_fields.insert(member, list);
        input = nullptr;
        break;
    }
    }
    if (auto *combo = qobject_cast<QComboBox *>(input)) {
        // Long items (source titles) do not widen the form; the popup shows them in full.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(24);
    }
    // Changing a value takes its message away (it is checked again on OK).
    QWidget *changed = input ? input : m_fields.value(member);
    auto clear = [this, member] {
        for (const Field &r : std::as_const(m_rows))
            if (r.member == member && !r.preview) {
                r.message->clear();
                r.message->hide();
            }
    };
    if (auto *e = qobject_cast<QLineEdit *>(changed))
        connect(e, &QLineEdit::textEdited, this, clear);
    else if (auto *c = qobject_cast<QComboBox *>(changed)) {
        connect(c, &QComboBox::currentIndexChanged, this, clear);
        if (c->isEditable())
            connect(c, &QComboBox::editTextChanged, this, clear);
    } else if (auto *t = qobject_cast<QPlainTextEdit *>(changed))
        connect(t, &QPlainTextEdit::textChanged, this, clear);
    else if (auto *list = qobject_cast<QListWidget *>(changed))
        connect(list, &QListWidget::itemChanged, this, clear);
    if (input) {
        box->addWidget(input);
        m_fields.insert(member, input);
        input->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    }
    if (type == Type::Date || type == Type::Money || type == Type::Count) {
        f.preview = new QLabel(row);
        f.preview->setTextFormat(Qt::PlainText);
        f.preview->setWordWrap(true);
        f.preview->setStyleSheet(QStringLiteral("color: #555;"));
        box->addWidget(f.preview);
    }
    f.message = new QLabel(row);
    f.message->setTextFormat(Qt::PlainText);
    f.message->setWordWrap(true);
    f.message->setStyleSheet(QStringLiteral("color: #b00020;"));
    f.message->hide();
    box->addWidget(f.message);
    f.row = row;
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(m_fields.value(member));
    m_form->addRow(labelWidget, row);
    m_rows.append(f);

    if (type == Type::Grade) {
        addField(QStringLiteral("claimant"), tr("Claimed &by"), Type::OptionalOrganization);
        addField(QStringLiteral("rationale"), tr("Rationale"), Type::Text);
        addField(QStringLiteral("caveat"), tr("Ca&veat"), Type::Text);
        if (auto *r = qobject_cast<QLineEdit *>(m_fields.value(QStringLiteral("rationale"))))
            r->setPlaceholderText(tr("Why the sources support it"));
        if (auto *c = qobject_cast<QLineEdit *>(m_fields.value(QStringLiteral("caveat"))))
            c->setPlaceholderText(tr("Optional: a warning shown with the item"));
    }
    if (member == QLatin1String("url") && m_kind == RecordKind::Source) {
        auto *url = qobject_cast<QLineEdit *>(input);
        connect(url, &QLineEdit::textChanged, this, [this](const QString &text) {
            auto *publisher = qobject_cast<QLineEdit *>(
                    m_fields.value(QStringLiteral("publisher")));
            if (!publisher)
                return;
            const QString previous = publisher->property("suggested").toString();
            if (publisher->text().isEmpty() || publisher->text() == previous) {
                const QString s = suggestPublisher(text);
                publisher->setText(s);
                publisher->setProperty("suggested", s);
            }
        });
    }
}

void RecordForm::addParentRow()
{
    // One truth for parents: the ownership tie. The form names it and offers to add one.
    const Landscape &l = m_document->landscape();
    const auto *org = std::get_if<Organization>(&m_record);
    const Organization *parent = org ? l.organization(org->parentId) : nullptr;
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *text = new QLabel(parent ? tr("%1 (through an ownership tie)").arg(parent->displayName())
                                   : tr("None recorded"),
                            row);
    text->setTextFormat(Qt::PlainText);
    text->setObjectName(QStringLiteral("ParentText"));
    h->addWidget(text, 1);
    if (!m_isNew && m_apply) {
        auto *add = new QPushButton(tr("Add &Ownership Tie…"), row);
        add->setToolTip(tr("Record who owns this organization, with a source (a tie of kind "
                           "ownership)"));
        connect(add, &QPushButton::clicked, this, [this] {
            Tie t;
            t.kind = QStringLiteral("ownership");
            t.toId = recordId(m_record);
            RecordForm tie(m_document, t, this);
            if (tie.exec() == QDialog::Accepted) {
                const auto *now = m_document->landscape().organization(recordId(m_record));
                const Organization *p = now ? m_document->landscape().organization(now->parentId)
                                            : nullptr;
                if (auto *label = findChild<QLabel *>(QStringLiteral("ParentText")); label && p)
                    label->setText(tr("%1 (through an ownership tie)").arg(p->displayName()));
            }
        });
        h->addWidget(add);
    }
    m_form->addRow(tr("Parent"), row);
}

void RecordForm::load(const QJsonObject &o)
{
    for (const Field &f : std::as_const(m_rows)) {
        QWidget *w = m_fields.value(f.member);
        const QJsonValue v = o.value(f.member);
        switch (f.type) {
        case Type::Text:
            static_cast<QLineEdit *>(w)->setText(jsonText(v));
            break;
        case Type::LongText:
            static_cast<QPlainTextEdit *>(w)->setPlainText(jsonText(v));
            break;
        case Type::TextList: {
            QStringList items;
            for (const QJsonValue &e : v.toArray())
                items << e.toString();
            static_cast<QLineEdit *>(w)->setText(items.join(QStringLiteral("; ")));
            break;
        }
        case Type::Roles:
        case Type::Sources: {
            auto *list = static_cast<QListWidget *>(w);
            QStringList keys;
            for (const QJsonValue &e : v.toArray())
                keys << e.toString();
            for (int i = 0; i < list->count(); ++i)
                list->item(i)->setCheckState(keys.contains(list->item(i)->data(kKeyRole).toString())
                                                     ? Qt::Checked
                                                     : Qt::Unchecked);
            break;
        }
        case Type::Choice:
        case Type::Grade:
        case Type::PartySet:
        case Type::Sector:
        case Type::Product:
        case Type::Deal:
        case Type::Source: {
            auto *combo = static_cast<QComboBox *>(w);
            const int i = combo->findData(jsonText(v));
            combo->setCurrentIndex(std::max(0, i));
            break;
        }
        case Type::Lead: {
            auto *combo = static_cast<QComboBox *>(w);
            combo->setCurrentIndex(v.isBool() ? (v.toBool() ? 1 : 2) : 0);
            break;
        }
        case Type::Country: {
            auto *combo = static_cast<QComboBox *>(w);
            const int i = combo->findData(jsonText(v));
            combo->setCurrentIndex(std::max(0, i));
            if (i < 0 && !jsonText(v).isEmpty())
                combo->setEditText(jsonText(v));
            break;
        }
        case Type::Date: {
            // Shown as people write it ("late Oct 2023"); the field reads that form back.
            const FuzzyDate d = FuzzyDate::fromString(jsonText(v));
            static_cast<QLineEdit *>(w)->setText(d.isValid() ? d.toDisplayString() : jsonText(v));
            break;
        }
        case Type::Money:
        case Type::Count: {
            // A figure holds value, currency and qualifier as its own members.
            const QJsonValue a = f.member == QLatin1String("value") ? QJsonValue(o) : v;
            QString text;
            if (a.isObject()) {
                const QJsonObject ao = a.toObject();
                Amount amount;
                if (ao.value(QLatin1String("value")).isDouble())
                    amount.value = ao.value(QLatin1String("value")).toDouble();
                amount.currency = ao.value(QLatin1String("currency")).toString();
                amount.qualifier = Amount::qualifierFromName(
                                           ao.value(QLatin1String("qualifier")).toString())
                                           .value_or(amount.value ? Amount::Qualifier::Exact
                                                                  : Amount::Qualifier::Undisclosed);
                if (!amount.isNull() || amount.qualifier != Amount::Qualifier::Undisclosed)
                    text = amount.toInputString();
            }
            static_cast<QLineEdit *>(w)->setText(text);
            break;
        }
        case Type::Organization:
        case Type::OptionalOrganization:
            static_cast<OrganizationPicker *>(w)->setKey(jsonText(v));
            break;
        }
    }
    for (const Field &f : std::as_const(m_rows))
        if (f.preview)
            updatePreview(f.member);
}

bool RecordForm::read(QJsonObject *out)
{
    QJsonObject o = m_base;
    bool ok = true;
    for (const Field &f : std::as_const(m_rows)) {
        QWidget *w = m_fields.value(f.member);
        if (!w->isVisibleTo(this) && f.row && !f.row->isVisibleTo(this)) {
            // Hidden rows (another tie kind, another grade) write nothing.
            o.remove(f.member);
            if (f.member == QLatin1String("value"))
                o.remove(QStringLiteral("qualifier"));
            continue;
        }
        switch (f.type) {
        case Type::Text: {
            const QString t = static_cast<QLineEdit *>(w)->text().trimmed();
            o.insert(f.member, t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t));
            break;
        }
        case Type::LongText:
            o.insert(f.member, static_cast<QPlainTextEdit *>(w)->toPlainText());
            break;
        case Type::TextList: {
            QJsonArray a;
            static const QRegularExpression sep(QStringLiteral("[;\n]"));
            for (const QString &part : static_cast<QLineEdit *>(w)->text().split(sep))
                if (!part.trimmed().isEmpty())
                    a.append(part.trimmed());
            o.insert(f.member, a);
            break;
        }
        case Type::Roles:
        case Type::Sources: {
            auto *list = static_cast<QListWidget *>(w);
            QJsonArray a;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    a.append(list->item(i)->data(kKeyRole).toString());
            o.insert(f.member, a);
            break;
        }
        case Type::Choice:
        case Type::Grade:
        case Type::PartySet:
        case Type::Sector:
        case Type::Product:
        case Type::Deal:
        case Type::Source: {
            const QString key = static_cast<QComboBox *>(w)->currentData().toString();
            o.insert(f.member, key.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(key));
            break;
        }
        case Type::Lead: {
            const QString v = static_cast<QComboBox *>(w)->currentData().toString();
            o.insert(f.member,
                     v.isEmpty() ? QJsonValue(QJsonValue::Null)
                                 : QJsonValue(v == QLatin1String("true")));
            break;
        }
        case Type::Country: {
            auto *combo = static_cast<QComboBox *>(w);
            const QString text = combo->currentText().trimmed();
            QString code;
            if (text.isEmpty()) {
                code.clear();
            } else if (const int i = combo->findText(text, Qt::MatchFixedString); i >= 0) {
                code = combo->itemData(i).toString();
            } else {
                code = text.size() == 2 ? text.toUpper() : text;
                for (const auto &[name, iso] : countries())
                    if (name.compare(text, Qt::CaseInsensitive) == 0)
                        code = iso;
            }
            o.insert(f.member, code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
            break;
        }
        case Type::Date: {
            const QString text = static_cast<QLineEdit *>(w)->text().trimmed();
            QString error;
            const FuzzyDate d = FuzzyDate::parseLoose(text, &error);
            if (!text.isEmpty() && !d.isValid()) {
                setMessage(f.member, error);
                ok = false;
            }
            o.insert(f.member,
                     d.isValid() ? QJsonValue(d.toString()) : QJsonValue(QJsonValue::Null));
            break;
        }
        case Type::Money:
        case Type::Count: {
            const QString text = static_cast<QLineEdit *>(w)->text().trimmed();
            QString error;
            const std::optional<Amount> a = Amount::parse(text, f.type == Type::Money, &error);
            if (!a) {
                setMessage(f.member, error);
                ok = false;
                break;
            }
            QJsonObject ao;
            ao.insert(QStringLiteral("value"),
                      a->value ? QJsonValue(*a->value) : QJsonValue(QJsonValue::Null));
            if (!a->currency.isEmpty())
                ao.insert(QStringLiteral("currency"), a->currency);
            ao.insert(QStringLiteral("qualifier"), Amount::qualifierName(a->qualifier));
            if (f.member == QLatin1String("value")) {
                o.remove(QStringLiteral("currency"));
                for (auto it = ao.constBegin(); it != ao.constEnd(); ++it)
                    o.insert(it.key(), it.value());
            } else {
                o.insert(f.member, text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(ao));
            }
            break;
        }
        case Type::Organization:
        case Type::OptionalOrganization: {
            auto *picker = static_cast<OrganizationPicker *>(w);
            const std::optional<QString> key = picker->key();
            if (!key) {
                setMessage(f.member,
                           tr("no organization is called '%1'; pick one from the list")
                                   .arg(picker->currentText()));
                ok = false;
                break;
            }
            o.insert(f.member, key->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*key));
            break;
        }
        }
    }
    *out = o;
    return ok;
}

QString RecordForm::kindOfTie() const
{
    auto *kind = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("kind")));
    return kind ? kind->currentData().toString() : QString();
}

void RecordForm::updateKindRows()
{
    const QString tieKind = m_kind == RecordKind::Tie ? kindOfTie() : QString();
    auto *grade = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("evidence")));
    const QString g = grade ? grade->currentData().toString() : QString();
    for (const Field &f : std::as_const(m_rows)) {
        bool visible = true;
        if (m_kind == RecordKind::Tie) {
            const auto it = tieMemberKinds().constFind(f.member);
            if (it != tieMemberKinds().constEnd())
                visible = it->contains(tieKind);
        }
        if (f.member == QLatin1String("claimant"))
            visible = g == QLatin1String("claimed");
        if (f.member == QLatin1String("rationale"))
            visible = g == QLatin1String("inferred");
        m_form->setRowVisible(f.row, visible);
    }
}

void RecordForm::updatePreview(const QString &member)
{
    for (const Field &f : std::as_const(m_rows)) {
        if (f.member != member || !f.preview)
            continue;
        const QString text = static_cast<QLineEdit *>(m_fields.value(member))->text().trimmed();
        QString error;
        QString shown;
        if (f.type == Type::Date) {
            const FuzzyDate d = FuzzyDate::parseLoose(text, &error);
            shown = text.isEmpty() ? tr("unknown date")
                    : d.isValid()  ? QStringLiteral("→ %1").arg(d.spanText())
                                   : error;
        } else {
            const std::optional<Amount> a = Amount::parse(text, f.type == Type::Money, &error);
            shown = a ? QStringLiteral("→ %1").arg(a->toDisplayString()) : error;
        }
        f.preview->setText(shown);
        f.preview->setStyleSheet(error.isEmpty() || text.isEmpty()
                                         ? QStringLiteral("color: #555;")
                                         : QStringLiteral("color: #b00020;"));
        f.message->clear();
    }
}

void RecordForm::setMessage(const QString &member, const QString &message)
{
    for (const Field &f : std::as_const(m_rows)) {
        if (f.member == member && f.preview && !message.isEmpty()) {
            // One line per field: the preview line turns into the message.
            f.preview->setText(message);
            f.preview->setStyleSheet(QStringLiteral("color: #b00020;"));
            f.message->setText(message);
            f.message->hide();
            if (QWidget *w = m_fields.value(member))
                w->setFocus();
            return;
        }
        if (f.member == member) {
            f.message->setText(message);
            f.message->setVisible(!message.isEmpty());
            if (QWidget *w = m_fields.value(member); w && !message.isEmpty())
                w->setFocus();
            return;
        }
    }
    m_general->setText(message);
    m_general->setVisible(!message.isEmpty());
}

void RecordForm::clearMessages()
{
    for (const Field &f : std::as_const(m_rows)) {
        f.message->clear();
        f.message->hide();
    }
    m_general->clear();
    m_general->hide();
}

QString RecordForm::message(const QString &member) const
{
    for (const Field &f : m_rows)
        if (f.member == member)
            return f.message->text();
    return {};
}

QString RecordForm::preview(const QString &member) const
{
    for (const Field &f : m_rows)
        if (f.member == member && f.preview)
            return f.preview->text();
    return {};
}

QString RecordForm::generalMessage() const
{
    return m_general->text();
}

Landscape RecordForm::context() const
{
    Landscape l = m_document->landscape();
    for (const Source &s : m_newSources)
        l.sources.append(s);
    l.index();
    return l;
}

void RecordForm::newSource()
{
    RecordForm nested(m_document, Source(), this, false);
    nested.setWindowTitle(tr("New Source"));
    if (nested.exec() != QDialog::Accepted)
        return;
    Source s = std::get<Source>(nested.record());
    const Landscape l = context();
    s.id = maxRecordId(l, RecordKind::Source) + 1;
    s.key = makeRecordKey(l, RecordKind::Source, recordTitle(s, l));
    m_newSources.append(s);
    auto *list = qobject_cast<QListWidget *>(m_fields.value(QStringLiteral("sources")));
    auto *item = new QListWidgetItem(tr("%1 (new)").arg(recordTitle(s, l)), list);
    item->setData(kKeyRole, s.key);
    item->setToolTip(s.url);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Checked);
    list->scrollToItem(item);
}

void RecordForm::accept()
{
    clearMessages();
    QJsonObject object;
    if (!read(&object))
        return;
    // Provenance: a tie, deal or figure cites a source unless it is an inference.
    if ((m_kind == RecordKind::Tie || m_kind == RecordKind::Deal || m_kind == RecordKind::Figure)
        && object.value(QLatin1String("sources")).toArray().isEmpty()
        && object.value(QLatin1String("evidence")).toString() != QLatin1String("inferred")) {
        setMessage(QStringLiteral("sources"),
                   tr("Cite a source (or make one with New Source…), or grade the %1 inferred "
                      "and give the rationale.")
                           .arg(recordKindName(m_kind)));
        return;
    }
    const Landscape l = context();
    const RowId id = m_isNew ? maxRecordId(l, m_kind) + 1 : recordId(m_record);
    if (m_isNew)
        object.insert(QStringLiteral("key"), QStringLiteral("new")); // made from the name below
    QString error, member;
    std::optional<Record> parsed = LandscapeJson::recordFromJson(
            m_kind, object, l, id, &error, &member);
    if (!parsed) {
        if (member.isEmpty() && error.contains(QLatin1String("claimant")))
            member = QStringLiteral("claimant");
        if (member.isEmpty() && error.contains(QLatin1String("rationale")))
            member = QStringLiteral("rationale");
        if (member == QLatin1String("qualifier") || member == QLatin1String("currency"))
            member = QStringLiteral("value");
        setMessage(member, error);
        return;
    }
    if (m_isNew)
        setRecordKey(*parsed, makeRecordKey(l, m_kind, recordTitle(*parsed, l)));
    m_record = *parsed;
    m_change = ChangeSet();
    for (const Source &s : std::as_const(m_newSources)) {
        RecordChange c;
        c.after = s;
        m_change.changes.append(c);
    }
    RecordChange c;
    if (!m_isNew)
        c.before = m_document->record(m_kind, recordId(m_record));
    c.after = m_record;
    m_change.changes.append(c);
    m_change.text = m_isNew ? tr("Add %1").arg(recordKindName(m_kind))
                            : tr("Edit %1").arg(recordTitle(m_record, l));
    if (m_apply && !m_document->apply(m_change, &error)) {
        setMessage(QString(), error);
        return;
    }
    QDialog::accept();
}

} // namespace EcoAtlas
