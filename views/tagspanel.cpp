#include "tagspanel.h"

#include <QLocale>

#include "extensionkeys.h"

#include <QAction>
#include <QClipboard>
#include <QKeyEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <QTreeWidgetItemIterator>

#include <algorithm>
#include <functional>
#include <map>

namespace td {

TagsPanel::TagsPanel(QWidget *parent)
    : SpanPanel(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter tags by key or value"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Key"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->resizeSection(Key, 200);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_value = new QPlainTextEdit(this);
    m_value->setReadOnly(true);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setPlaceholderText(tr("Select a tag to see its whole value"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("tagsSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(m_value);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &TagsPanel::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        showValue(item);
        updateActions();
    });

    m_copyKey = new QAction(tr("Copy &Key"), this);
    m_copyValue = new QAction(tr("Copy &Value"), this);
    m_copySpan = new QAction(tr("Copy &Span as JSON"), this);
    m_copySelection = new QAction(tr("&Copy"), this);
    m_copyValue->setShortcut(QKeySequence::Copy);
    m_copyValue->setShortcutContext(Qt::WidgetShortcut);
    m_copySelection->setShortcut(QKeySequence::Copy); // shown in the menu; the key press is caught below
    m_copySelection->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyKey, &QAction::triggered, this, &TagsPanel::copyKey);
    connect(m_copyValue, &QAction::triggered, this, &TagsPanel::copyValue);
    connect(m_copySpan, &QAction::triggered, this, &TagsPanel::copySpanJson);
    connect(m_copySelection, &QAction::triggered, this, [this] {
        const QString selected = m_value->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        toClipboard(selected.isEmpty() ? m_value->toPlainText() : selected);
    });
    m_tree->addAction(m_copyValue); // Ctrl+C on the tag list copies the value
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &TagsPanel::showContextMenu);
    // The value view's own copy would bypass the filter: it gets the panel's actions instead.
    m_value->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_value, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        m_copySelection->setEnabled(!m_value->toPlainText().isEmpty());
        menu.addAction(m_copySelection);
        menu.addAction(m_copySpan);
        menu.exec(m_value->viewport()->mapToGlobal(pos));
    });
    m_value->installEventFilter(this);
    m_tree->installEventFilter(this);
    updateActions();
}

QString TagsPanel::prettyValue(const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['))) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }
    return value;
}

void TagsPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(Key, FullKeyRole).toString() : QString();
    m_tree->clear();
    m_value->clear();
    m_trace = isValidSpan(trace, spanIndex) ? trace : TracePtr();
    m_span = m_trace ? spanIndex : -1;
    updateActions();
    if (!m_trace)
        return;
    const Trace &t = *trace;
    const Span &s = t.span(static_cast<std::size_t>(spanIndex));
    const auto &keys = ExtensionKeys::instance();

    // Top-level nodes in a fixed order: the families as the data file lists them, then iplatform, then other.
    std::map<QString, QTreeWidgetItem *> nodes; // by "family" or "family/group"
    const auto familyNode = [&](const QString &id, const QString &label, int order) {
        auto it = nodes.find(id);
        if (it != nodes.end())
            return it->second;
        auto *item = new QTreeWidgetItem;
        item->setText(Key, label);
        item->setData(Key, Qt::UserRole + 10, order);
        QFont bold = m_tree->font();
        bold.setBold(true);
        item->setFont(Key, bold);
        item->setFirstColumnSpanned(false);
        nodes.emplace(id, item);
        return item;
    };
    // The iplatform labels come in both languages; the UI language decides (QLocale follows the translation).
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (auto tag = t.tagsBegin(s); tag != t.tagsEnd(s); ++tag) {
        const std::string_view key = t.str(tag->key);
        if (keys.isEndpointKey(key))
            continue; // shown in the Endpoints panel
        const auto *family = keys.familyOf(key);
        const auto *group = keys.groupOf(key);
        QTreeWidgetItem *parent = nullptr;
        std::string_view shortKey = key;
        QString label;
        if (family) {
            const auto order = static_cast<int>(family - keys.families().data());
            parent = familyNode(QString::fromStdString(family->prefix), family->label.text(chinese), order);
            shortKey.remove_prefix(std::min(shortKey.size(), family->prefix.size()));
        } else if (keys.role(key) != ExtensionKeys::Role::None) {
            parent = familyNode(QStringLiteral("~iplatform"), tr("iplatform extensions"), 1000);
        } else if (!group) {
            parent = familyNode(QStringLiteral("~~other"), tr("Other"), 1001);
        } else {
            parent = familyNode(QStringLiteral("~~other"), tr("Other"), 1001);
        }
        if (group) {
            const QString id = parent->text(Key) + QStringLiteral("/") + QString::fromStdString(group->id);
            QTreeWidgetItem *groupItem = nodes.count(id) ? nodes.at(id) : nullptr;
            if (!groupItem) {
                groupItem = new QTreeWidgetItem(parent);
                groupItem->setText(Key, group->label.text(chinese));
                nodes.emplace(id, groupItem);
            }
            const auto pos = shortKey.find(group->infix.substr(1));
            if (pos != std::string_view::npos)
                shortKey.remove_prefix(pos + group->infix.size() - 1);
            parent = groupItem;
        } else if (const auto *l = keys.keyLabel(key)) {
            label = l->text(chinese);
        }
        auto *item = new QTreeWidgetItem(parent);
        const QString fullKey = t.qstr(tag->key);
        const QString value = t.qstr(tag->value);
        item->setText(Key, label.isEmpty() ? QString::fromUtf8(shortKey.data(), static_cast<qsizetype>(shortKey.size())) : label);
        item->setToolTip(Key, fullKey.toHtmlEscaped());
        item->setData(Key, FullKeyRole, fullKey);
        QString oneLine = value.left(500);
        oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
        item->setText(Value, tag->truncated ? oneLine + tr(" … (truncated; see Raw JSON)") : oneLine);
        item->setData(Key, FullValueRole, value);
        if (key.ends_with(".sql") || key.ends_with(".body"))
            item->setFont(Value, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    std::vector<QTreeWidgetItem *> top;
    for (const auto &[id, item] : nodes)
        if (!item->parent())
            top.push_back(item);
    std::stable_sort(top.begin(), top.end(), [](QTreeWidgetItem *a, QTreeWidgetItem *b) {
        return a->data(Key, Qt::UserRole + 10).toInt() < b->data(Key, Qt::UserRole + 10).toInt();
    });
    for (QTreeWidgetItem *item : top)
        m_tree->addTopLevelItem(item);
    m_tree->expandAll();
    applyFilter();
    if (QTreeWidgetItem *again = itemFor(current))
        m_tree->setCurrentItem(again);
    updateActions();
}

QTreeWidgetItem *TagsPanel::itemFor(const QString &key) const
{
    if (key.isEmpty())
        return nullptr;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(Key, FullKeyRole).toString() == key)
            return *it;
    }
    return nullptr;
}

void TagsPanel::showValue(QTreeWidgetItem *item)
{
    if (!item || item->data(Key, FullKeyRole).toString().isEmpty()) {
        m_value->clear();
        return;
    }
    m_value->setPlainText(prettyValue(item->data(Key, FullValueRole).toString()));
}

void TagsPanel::setCopyFilter(CopyFilter filter)
{
    m_copyFilter = std::move(filter);
}

void TagsPanel::updateActions()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const bool isTag = item && !item->data(Key, FullKeyRole).toString().isEmpty();
    m_copyKey->setEnabled(isTag);
    m_copyValue->setEnabled(isTag);
    m_copySpan->setEnabled(m_trace != nullptr);
}

bool TagsPanel::toClipboard(const QString &text)
{
    if (text.isEmpty())
        return false;
    QString out = text;
    if (m_copyFilter) {
        try {
            out = m_copyFilter(text);
        } catch (...) {
            // A filter that fails must not let the unfiltered text out.
            return false;
        }
    }
    QGuiApplication::clipboard()->setText(out);
    return true;
}

bool TagsPanel::copyKey()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && toClipboard(item->data(Key, FullKeyRole).toString());
}

bool TagsPanel::copyValue()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->data(Key, FullKeyRole).toString().isEmpty())
        return false;
    // The whole value as read (not the folded one-line text of the list); an empty value is copied as such.
    const QString value = item->data(Key, FullValueRole).toString();
    if (value.isEmpty()) {
        QGuiApplication::clipboard()->setText(QString());
        return true;
    }
    return toClipboard(value);
}

QString TagsPanel::spanJson() const
{
    if (!isValidSpan(m_trace, m_span))
        return {};
    const Trace &t = *m_trace;
    const auto index = static_cast<std::size_t>(m_span);
    const std::string raw = t.rawJson(index);
    if (!raw.empty())
        return QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size()));
    // The source is gone (placeholder, file moved): what the model holds.
    const Span &s = t.span(index);
    QJsonObject o;
    o.insert(QStringLiteral("traceId"), t.qstr(s.traceId));
    o.insert(QStringLiteral("id"), t.qstr(s.spanId));
    if (s.parentId)
        o.insert(QStringLiteral("parentId"), t.qstr(s.parentId));
    o.insert(QStringLiteral("name"), t.qstr(s.name));
    o.insert(QStringLiteral("service"), t.qstr(s.service));
    if (!s.isPlaceholder()) {
        o.insert(QStringLiteral("timestamp"), static_cast<qint64>(s.rawStartUs));
        o.insert(QStringLiteral("duration"), static_cast<qint64>(s.durationUs));
    }
    QJsonObject tags;
    for (auto tag = t.tagsBegin(s); tag != t.tagsEnd(s); ++tag)
        tags.insert(t.qstr(tag->key), t.qstr(tag->value));
    if (!tags.isEmpty())
        o.insert(QStringLiteral("tags"), tags);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

bool TagsPanel::copySpanJson()
{
    return toClipboard(spanJson());
}

void TagsPanel::showContextMenu(const QPoint &pos)
{
    if (QTreeWidgetItem *item = m_tree->itemAt(pos))
        m_tree->setCurrentItem(item);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_copyKey);
    menu.addAction(m_copyValue);
    menu.addSeparator();
    menu.addAction(m_copySpan);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

bool TagsPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Item views and text views copy on Ctrl+C themselves, unfiltered: take the key press first.
    if ((watched == m_tree || watched == m_value) && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        if (watched == m_tree)
            copyValue();
        else
            m_copySelection->trigger();
        return true;
    }
    return SpanPanel::eventFilter(watched, event);
}

void TagsPanel::setFilter(const QString &text)
{
    m_filter->setText(text);
}

void TagsPanel::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    // Leaves first (post-order), so a group shows when any of its tags does.
    const std::function<bool(QTreeWidgetItem *)> apply = [&](QTreeWidgetItem *item) {
        bool visible = false;
        if (item->childCount() == 0 && !item->data(Key, FullKeyRole).toString().isEmpty()) {
            visible = needle.isEmpty() || item->data(Key, FullKeyRole).toString().contains(needle, Qt::CaseInsensitive)
                   || item->data(Key, FullValueRole).toString().contains(needle, Qt::CaseInsensitive)
                   || item->text(Key).contains(needle, Qt::CaseInsensitive);
        }
        for (int i = 0; i < item->childCount(); ++i)
            visible = apply(item->child(i)) || visible;
        item->setHidden(!visible);
        return visible;
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        apply(m_tree->topLevelItem(i));
}

} // namespace td
