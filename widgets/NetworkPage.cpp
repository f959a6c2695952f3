// SPDX-License-Identifier: MIT
#include "NetworkPage.h"

#include "FlowToolBar.h"
#include "LandscapeDocument.h"
#include "NetworkDiagramModel.h"
#include "NetworkView.h"
#include "StayOpenMenu.h"
#include "ViewState.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStringListModel>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace EcoAtlas {

namespace {
/// A tool button whose menu holds one checkable action per item (the menu stays open while
/// toggling) and "Show All"; `changed` gets the set of checked item data whenever it changes.
/// While items other than `initiallyOff` are off, the button says so: "Ties (7 of 9)" in bold,
/// and its tooltip names what is hidden.
QToolButton *checkMenu(QWidget *parent,
                       const QString &text,
                       const QString &what,
                       const QStringList &items,
                       const QStringList &initiallyOff,
                       std::function<void(const QSet<QString> &)> changed)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(text);
    button->setAccessibleName(QObject::tr("%1 filter").arg(text));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new StayOpenMenu(button);
    QList<QAction *> actions;
    for (const QString &item : items) {
        QAction *a = menu->addAction(Vocabulary::label(item));
        a->setCheckable(true);
        a->setChecked(!initiallyOff.contains(item));
        a->setData(item);
        actions.append(a);
    }
    menu->addSeparator();
    QAction *all = menu->addAction(QObject::tr("Show All"));
    auto indicate = [button, actions, text, what, initiallyOff] {
        QStringList hidden;
        int on = 0;
        for (QAction *x : actions) {
            if (x->isChecked())
                ++on;
            else if (!initiallyOff.contains(x->data().toString()))
                hidden << x->text();
        }
        button->setProperty("filterSummary", QObject::tr("%1 of %2").arg(on).arg(actions.size()));
        QFont f = button->font();
        f.setBold(!hidden.isEmpty());
        button->setFont(f);
        button->setText(
                hidden.isEmpty()
                        ? text
                        : QObject::tr("%1 (%2 of %3)").arg(text).arg(on).arg(actions.size()));
        button->setToolTip(hidden.isEmpty() ? QObject::tr("Filter by %1: all shown").arg(what)
                                            : QObject::tr("Filter on — hidden: %1")
                                                      .arg(hidden.join(QStringLiteral(", "))));
    };
    for (QAction *a : actions)
        QObject::connect(a, &QAction::toggled, button, [actions, changed, indicate] {
            QSet<QString> on;
            for (QAction *x : actions)
                if (x->isChecked())
                    on.insert(x->data().toString());
            changed(on);
            indicate();
        });
    QObject::connect(all, &QAction::triggered, button, [actions] {
        for (QAction *x : actions)
            x->setChecked(true);
    });
    button->setMenu(menu);
    indicate();
    return button;
}
} // namespace

NetworkPage::NetworkPage(LandscapeDocument *document,
                         NetworkDiagramModel *model,
                         ViewState *state,
                         QUndoStack *undo,
                         QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
    , m_state(state)
    , m_view(new NetworkView(model, state, undo, this))
    , m_search(new QLineEdit(this))
    , m_labels(new QComboBox(this))
    , m_groups(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_subtitle(new QLineEdit(this))
    , m_undo(undo)
{
    // The controls wrap onto a second row in a narrow window instead of hiding behind an
    // overflow button: every control stays reachable at any window size.
    auto *bar = new FlowToolBar(this);
    bar->setObjectName(QStringLiteral("networkToolBar"));
    bar->setIconSize(QSize(16, 16));

    m_search->setPlaceholderText(tr("Find organization (English, 中文, alias)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_search->setMaximumWidth(280);
    m_search->setAccessibleName(tr("Find organization"));
    m_search->setToolTip(tr("Type a name in English or Chinese, or an alias, and press Enter to "
                            "centre on it (Ctrl+F)"));
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);
    connect(completer,
            qOverload<const QString &>(&QCompleter::activated),
            this,
            &NetworkPage::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    bar->addWidget(m_search);
    bar->addSeparator();

    m_labels->addItem(tr("Labels: both"), QStringLiteral("both"));
    m_labels->addItem(tr("Labels: English"), QStringLiteral("en"));
    m_labels->addItem(tr("Labels: 中文"), QStringLiteral("zh"));
    m_labels->setToolTip(tr("Label language (Ctrl+Shift+L cycles)"));
    m_labels->setAccessibleName(tr("Label language"));
    connect(m_labels, &QComboBox::currentIndexChanged, this, &NetworkPage::applyFigureOptions);
    bar->addWidget(m_labels);
    auto *cycle = m_cycleAction = new QAction(tr("Cycle Label Language"), this);
    cycle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(cycle, &QAction::triggered, this, [this] {
        m_labels->setCurrentIndex((m_labels->currentIndex() + 1) % m_labels->count());
    });
    addAction(cycle);

    auto *measure = new QComboBox(this);
    measure->addItem(tr("Size: ties"), int(SizeMeasure::Degree));
    measure->addItem(tr("Size: money invested"), int(SizeMeasure::MoneyInvested));
    measure->addItem(tr("Size: chips ordered"), int(SizeMeasure::ChipsOrdered));
    measure->addItem(tr("Size: clients hosted"), int(SizeMeasure::ClientsHosted));
    measure->setAccessibleName(tr("Node size"));
    measure->setToolTip(tr("What a node's size shows"));
    connect(measure, &QComboBox::currentIndexChanged, this, [this, measure](int i) {
        m_model->setSizeMeasure(SizeMeasure(measure->itemData(i).toInt()));
    });
    bar->addWidget(measure);

    // Platforms (owner → product) start hidden: they crowd the picture.
    auto addFilter = [this, bar](QToolButton *button) {
        m_filterButtons.insert(button->objectName(), button);
        bar->addWidget(button);
    };
    addFilter(checkMenu(this,
                        tr("Ties"),
                        tr("tie kind"),
                        Vocabulary::tieKinds() + QStringList{QStringLiteral("platform")},
                        {QStringLiteral("platform")},
                        [this](const QSet<QString> &on) { m_model->tieFilter()->setKinds(on); }));
    m_model->tieFilter()->setKinds(
            QSet<QString>(Vocabulary::tieKinds().begin(), Vocabulary::tieKinds().end()));
    // Evidence grades: a presenter may hide inferred (or claimed) ties.
    addFilter(checkMenu(this,
                        tr("Evidence"),
                        tr("evidence grade"),
                        evidenceGradeNames(),
                        {},
                        [this](const QSet<QString> &on) {
                            GradeSet grades;
                            for (EvidenceGrade g : kEvidenceGrades)
                                grades[size_t(g)] = on.contains(evidenceGradeName(g));
                            m_model->tieFilter()->setGrades(grades); // one rebuild
                        }));
    addFilter(checkMenu(
            this,
            tr("Roles"),
            tr("role"),
            Vocabulary::roles(),
            {},
            [this](const QSet<QString> &on) { m_model->organizationFilter()->setRoles(on); }));
    m_groups->setAccessibleName(tr("Group filter"));
    m_groups->setToolTip(tr("Show one group (a parent and its subsidiaries) or all"));
    m_groups->setObjectName(QStringLiteral("groupFilter"));
    connect(m_groups, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->organizationFilter()->setGroup(m_groups->itemData(i).toLongLong());
    });
    bar->addWidget(m_groups);
    // A toggle that looks like one: framed, and filled with the highlight colour while on.
    // The action is also in the window's Network menu (keyboard access).
    m_groupAction = new QAction(tr("Group subsidiaries"), this);
    m_groupAction->setCheckable(true);
    m_groupAction->setToolTip(tr("On: subsidiaries sit with their parent group (ByteDance with "
                                 "Volcano Engine …). Off: a free layout."));
    m_groupButton = new QToolButton(this);
    m_groupButton->setObjectName(QStringLiteral("GroupSubsidiaries"));
    m_groupButton->setDefaultAction(m_groupAction);
    m_groupButton->setAutoRaise(false);
    m_groupButton->setAccessibleName(tr("Group subsidiaries"));
    m_groupButton->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 2px 6px; }"
            "QToolButton:checked { background: palette(highlight); color: "
            "palette(highlighted-text); border-color: palette(highlight); }"));
    connect(m_groupAction, &QAction::toggled, this, [this](bool on) {
        m_model->setGroupSubsidiaries(on);
        emit statusMessage(on ? tr("Subsidiaries grouped with their parents")
                              : tr("Subsidiaries no longer grouped"),
                           5000);
    });
    bar->addWidget(m_groupButton);
    m_groupButton->setAutoRaise(false); // the tool bar makes its buttons flat; this one is not
    bar->addSeparator();

    auto *useAsOf = new QCheckBox(tr("As of"), this);
    auto *asOf = new QDateEdit(QDate(2023, 11, 30), this);
    asOf->setCalendarPopup(true);
    asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    asOf->setEnabled(false);
    useAsOf->setToolTip(tr("Show the landscape on a date"));
    asOf->setAccessibleName(tr("As-of date"));
    asOf->setToolTip(tr("The date the network shows"));
    auto *basis = new QComboBox(this);
    basis->setObjectName(QStringLiteral("timeBasis"));
    basis->setAccessibleName(tr("Time basis"));
    basis->addItem(tr("as it stood"), int(ViewState::TimeBasis::Began));
    basis->addItem(tr("as it was known"), int(ViewState::TimeBasis::Published));
    basis->setToolTip(tr("As it stood: when ties began. As it was known: when they were "
                         "first reported."));
    auto applyTime = [this, useAsOf, asOf, basis] {
        asOf->setEnabled(useAsOf->isChecked());
        const auto b = ViewState::TimeBasis(basis->currentData().toInt());
        m_state->setTimeBasis(b);
        m_state->setAsOf(useAsOf->isChecked() ? asOf->date() : QDate());
    };
    connect(useAsOf, &QCheckBox::toggled, this, applyTime);
    connect(asOf, &QDateEdit::dateChanged, this, applyTime);
    connect(basis, &QComboBox::currentIndexChanged, this, applyTime);
    auto syncFilter = [this] {
        m_model->tieFilter()->setRangeFrom(m_state->rangeFrom());
        m_model->tieFilter()->setAsOf(m_state->asOf(), m_state->timeBasis());
    };
    connect(m_state, &ViewState::asOfChanged, this, syncFilter);
    connect(m_state, &ViewState::rangeFromChanged, this, syncFilter);
    connect(m_state, &ViewState::timeBasisChanged, this, syncFilter);
    connect(m_state, &ViewState::asOfChanged, this, [useAsOf, asOf](QDate d) {
        const QSignalBlocker b1(useAsOf), b2(asOf);
        useAsOf->setChecked(d.isValid());
        asOf->setEnabled(d.isValid());
        if (d.isValid())
            asOf->setDate(d);
    });
    bar->addWidget(useAsOf);
    bar->addWidget(asOf);
    bar->addWidget(basis);
    bar->addSeparator();

    QAction *fit = m_fitAction = bar->addAction(tr("Fit"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setToolTip(tr("Fit the whole network into the view (Ctrl+0)"));
    connect(fit, &QAction::triggered, m_view, &NetworkView::fitToView);
    QAction *relayoutAct = m_relayoutAction = bar->addAction(tr("Re-layout"));
    relayoutAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    relayoutAct->setToolTip(
            tr("Lay the network out afresh; pinned (dragged) nodes stay (Ctrl+L, undoable)"));
    connect(relayoutAct, &QAction::triggered, this, &NetworkPage::relayout);

    // Title and subtitle share a row; the fields stretch and shrink with the window.
    auto *titles = new QWidget(this);
    auto *titlesRow = new QHBoxLayout(titles);
    titlesRow->setContentsMargins(4, 2, 4, 2);
    auto *titleLabel = new QLabel(tr("&Title:"), titles);
    titleLabel->setBuddy(m_title);
    titlesRow->addWidget(titleLabel);
    m_title->setPlaceholderText(tr("(the landscape's title)"));
    m_title->setAccessibleName(tr("Figure title"));
    m_title->setToolTip(tr("The title drawn above the network and its exports; kept for this "
                           "file"));
    m_title->setMinimumWidth(80);
    titlesRow->addWidget(m_title, 1);
    auto *subtitleLabel = new QLabel(tr(" S&ubtitle:"), titles);
    subtitleLabel->setBuddy(m_subtitle);
    titlesRow->addWidget(subtitleLabel);
    m_subtitle->setPlaceholderText(tr("(what is shown, and the date)"));
    m_subtitle->setAccessibleName(tr("Figure subtitle"));
    m_subtitle->setToolTip(tr("The subtitle drawn under the title; kept for this file"));
    m_subtitle->setMinimumWidth(80);
    titlesRow->addWidget(m_subtitle, 1);
    for (QLineEdit *field : {m_title, m_subtitle})
        connect(field, &QLineEdit::editingFinished, this, [this] {
            applyFigureOptions();
            storeTitles();
        });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(titles);
    layout->addWidget(m_view, 1);

    connect(document, &LandscapeDocument::landscapeReset, this, [this] {
        m_search->clear(); // a search belongs to the file it was typed for
        updateCompletion();
        updateGroups();
        loadTitles();
    });
    // A renamed, added or deleted organization shows in the search completer and group list.
    connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
        updateCompletion();
        updateGroups();
    });
    connect(m_model, &NetworkDiagramModel::graphChanged, this, [this] {
        m_view->setEmptyText(m_model->graph().nodes.isEmpty() ? emptyReason() : QString());
    });
    updateCompletion();
    updateGroups();
    loadTitles();
    m_view->setEmptyText(m_model->graph().nodes.isEmpty() ? emptyReason() : QString());
}

QToolButton *NetworkPage::filterButton(const QString &name) const
{
    return m_filterButtons.value(name);
}

namespace {
/// The QSettings key of a title field for the database at `path`.
QString titleKey(const QString &path, const char *field)
{
    return QStringLiteral("networkTitles/%1/%2")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath())),
                 QLatin1String(field));
}
} // namespace

void NetworkPage::loadTitles()
{
    const QString path = m_document->path();
    QSettings settings;
    m_title->setText(path.isEmpty() ? QString()
                                    : settings.value(titleKey(path, "title")).toString());
    m_subtitle->setText(path.isEmpty() ? QString()
                                       : settings.value(titleKey(path, "subtitle")).toString());
    applyFigureOptions();
}

void NetworkPage::storeTitles()
{
    const QString path = m_document->path();
    if (path.isEmpty())
        return;
    QSettings settings;
    settings.setValue(titleKey(path, "title"), m_title->text());
    settings.setValue(titleKey(path, "subtitle"), m_subtitle->text());
}

void NetworkPage::relayout()
{
    const auto before = m_model->knownPositions();
    const double moved = m_model->relayout();
    m_view->fitToView();
    if (moved < 0.5) {
        emit statusMessage(tr("Re-layout: nothing to change — the diagram already has a fresh "
                              "layout (drag a node to pin it, then Ctrl+L lays the rest out "
                              "around it)"),
                           8000);
        return;
    }
    m_undo->push(new RelayoutCommand(m_model, before, m_model->knownPositions()));
    int pinned = 0;
    for (int i = 0; i < m_model->graph().nodes.size(); ++i)
        pinned += m_model->isPinned(i) ? 1 : 0;
    emit statusMessage(
            pinned ? tr("Laid out afresh around %n pinned node(s) (Ctrl+Z undoes)", nullptr, pinned)
                   : tr("Laid out afresh (Ctrl+Z undoes)"),
            6000);
}

QString NetworkPage::emptyReason() const
{
    const Landscape &l = m_document->landscape();
    if (l.organizations.isEmpty())
        return tr("This landscape holds no organizations yet.");
    QStringList why;
    const TieFilterModel *ties = m_model->tieFilter();
    const QDate asOf = ties->asOf();
    if (asOf.isValid()) {
        const bool known = ties->basis() == ViewState::TimeBasis::Published;
        QDate first;
        for (const Tie &t : l.ties) {
            const FuzzyDate d = known ? TieFilterModel::publicationDate(l, t) : t.start;
            if (d.isValid() && (!first.isValid() || d.earliest() < first))
                first = d.earliest();
        }
        if (first.isValid() && first > asOf)
            why << (known ? tr("no tie had been reported by %1 — the first source is dated %2")
                          : tr("no tie had begun by %1 — the first began on %2"))
                            .arg(asOf.toString(Qt::ISODate), first.toString(Qt::ISODate));
        else
            why << tr("the date is %1 (%2)")
                            .arg(asOf.toString(Qt::ISODate),
                                 known ? tr("as it was known") : tr("as it stood"));
    }
    for (auto it = m_filterButtons.constBegin(); it != m_filterButtons.constEnd(); ++it)
        if (it.value()->font().bold())
            why << tr("the %1 filter shows %2")
                            .arg(it.key(), it.value()->property("filterSummary").toString());
    if (m_model->organizationFilter()->group())
        why << tr("only %1 is shown").arg(m_groups->currentText());
    if (why.isEmpty())
        why << tr("no organization has a tie that passes the filters");
    return tr("Nothing to show: %1.").arg(why.join(QStringLiteral("; "))) + QLatin1Char('\n')
           + (asOf.isValid() ? tr("Move the date later, untick “As of” or widen the filters.")
                             : tr("Widen the filters to see organizations."));
}

void NetworkPage::applyFigureOptions()
{
    FigureOptions o;
    FigureOptions::parseLabels(m_labels->currentData().toString(), &o.labels);
    o.title = m_title->text().trimmed();
    o.subtitle = m_subtitle->text().trimmed();
    m_view->setFigureOptions(o);
    m_state->setLabelLanguage(o.labels);
}

void NetworkPage::updateCompletion()
{
    QStringList names;
    for (const Organization &o : m_document->landscape().organizations) {
        names << o.nameEn;
        if (!o.nameZh.isEmpty())
            names << o.nameZh;
        names << o.aliases;
    }
    names.removeDuplicates();
    static_cast<QStringListModel *>(m_search->completer()->model())->setStringList(names);
}

void NetworkPage::updateGroups()
{
    const QSignalBlocker block(m_groups);
    m_groups->clear();
    m_groups->addItem(tr("All groups"), qint64(0));
    const Landscape &l = m_document->landscape();
    QHash<RowId, int> members;
    for (const Organization &o : l.organizations)
        members[OrganizationFilterModel::groupRoot(l, o.id)] += 1;
    for (const Organization &o : l.organizations)
        if (members.value(o.id) > 1)
            m_groups->addItem(tr("Group: %1").arg(o.nameEn), qint64(o.id));
    m_model->organizationFilter()->setGroup(0);
}

void NetworkPage::search(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    const Organization *found = nullptr;
    for (const Organization &o : m_document->landscape().organizations) {
        if (o.nameEn.compare(t, Qt::CaseInsensitive) == 0 || o.nameZh == t
            || o.aliases.contains(t, Qt::CaseInsensitive)) {
            found = &o;
            break;
        }
    }
    for (const Organization &o : m_document->landscape().organizations) {
        if (found)
            break;
        if (o.nameEn.contains(t, Qt::CaseInsensitive) || o.nameZh.contains(t)
            || o.aliases.filter(t, Qt::CaseInsensitive).size() > 0)
            found = &o;
    }
    if (!found) {
        m_state->setSelectedOrganization(0);
        emit statusMessage(tr("No organization matches “%1”").arg(t), 8000);
        return;
    }
    m_view->centreOn(found->id);
    bool hasTies = false;
    for (const Tie &tie : m_document->landscape().ties)
        hasTies = hasTies || tie.fromId == found->id || tie.toId == found->id;
    if (m_model->graph().indexOfOrganization(found->id) < 0 && !hasTies)
        emit statusMessage(tr("%1 has no ties yet: it shows in the diagram once it has one "
                              "(right-click it in a table, or Edit › Add › Tie)")
                                   .arg(found->nameEn),
                           10000);
    else if (m_model->graph().indexOfOrganization(found->id) < 0)
        emit statusMessage(
                tr("%1 is selected but hidden by the filters or the date").arg(found->nameEn),
                8000);
    else
        emit statusMessage(tr("Found %1").arg(found->nameEn), 4000);
}

} // namespace EcoAtlas
