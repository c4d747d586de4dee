#include "extensionkeys.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace td {

namespace {

QString qs(const nlohmann::json &obj, const char *key)
{
    if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_string())
        return {};
    return QString::fromStdString(obj.at(key).get<std::string>());
}

ExtensionKeys::Role roleFromName(std::string_view name)
{
    using R = ExtensionKeys::Role;
    static const std::pair<std::string_view, R> roles[] = {
        {"component", R::Component}, {"succeed", R::Succeed}, {"busisys", R::Busisys},
        {"serviceInstId", R::ServiceInstId}, {"durationMoveAvg", R::DurationMoveAvg}, {"warnPct", R::WarnPct},
        {"warnType", R::WarnType}, {"exceptionClass", R::ExceptionClass},
    };
    for (const auto &[n, r] : roles)
        if (n == name)
            return r;
    return R::None;
}

} // namespace

const ExtensionKeys &ExtensionKeys::instance()
{
    static const ExtensionKeys keys = [] {
        QFile file(QStringLiteral(":/tracedesk/extensions.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            ExtensionKeys empty;
            empty.m_loadError = QStringLiteral("extension key file missing from resources");
            return empty;
        }
        return fromJson(file.readAll());
    }();
    return keys;
}

ExtensionKeys ExtensionKeys::fromJson(const QByteArray &data)
{
    ExtensionKeys k;
    const auto doc = nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
    if (!doc.is_object()) {
        k.m_loadError = QStringLiteral("extension key file is not a JSON object");
        return k;
    }
    if (doc.contains("keys") && doc.at("keys").is_array()) {
        for (const auto &entry : doc.at("keys")) {
            if (!entry.is_object() || !entry.contains("key") || !entry.at("key").is_string())
                continue;
            const auto key = entry.at("key").get<std::string>();
            const auto role = entry.contains("role") && entry.at("role").is_string()
                ? roleFromName(entry.at("role").get<std::string>()) : Role::None;
            k.m_roles[key] = role;
            k.m_roleKeys.push_back(key);
            k.m_labels[key] = Label{qs(entry, "en"), qs(entry, "zh"), qs(entry, "meaning_en"), qs(entry, "meaning_zh")};
        }
    }
    if (k.m_roleKeys.empty())
        k.m_loadError = QStringLiteral("extension key file lists no keys");
    if (doc.contains("families") && doc.at("families").is_array()) {
        for (const auto &entry : doc.at("families")) {
            if (!entry.is_object() || !entry.contains("prefix") || !entry.at("prefix").is_string())
                continue;
            Family f;
            f.prefix = entry.at("prefix").get<std::string>();
            f.component = qs(entry, "component").toStdString();
            f.label = Label{qs(entry, "en"), qs(entry, "zh"), {}, {}};
            if (entry.contains("keys") && entry.at("keys").is_object()) {
                for (const auto &[suffix, labels] : entry.at("keys").items()) {
                    if (labels.is_array() && labels.size() == 2 && labels.at(0).is_string() && labels.at(1).is_string())
                        k.m_labels[f.prefix + suffix] = Label{QString::fromStdString(labels.at(0).get<std::string>()),
                                                              QString::fromStdString(labels.at(1).get<std::string>()), {}, {}};
                }
            }
            k.m_families.push_back(std::move(f));
        }
    }
    if (doc.contains("groups") && doc.at("groups").is_array()) {
        for (const auto &entry : doc.at("groups")) {
            if (!entry.is_object() || !entry.contains("infix") || !entry.at("infix").is_string())
                continue;
            k.m_groups.push_back(Group{entry.at("infix").get<std::string>(), qs(entry, "id").toStdString(),
                                       Label{qs(entry, "en"), qs(entry, "zh"), {}, {}}});
        }
    }
    if (doc.contains("endpointKeys") && doc.at("endpointKeys").is_object()) {
        for (const auto &[key, labels] : doc.at("endpointKeys").items()) {
            if (labels.is_array() && labels.size() == 2 && labels.at(0).is_string() && labels.at(1).is_string())
                k.m_labels[key] = Label{QString::fromStdString(labels.at(0).get<std::string>()),
                                        QString::fromStdString(labels.at(1).get<std::string>()), {}, {}};
        }
    }
    const auto readList = [&doc](const char *name, std::vector<std::string> &out) {
        if (!doc.contains(name) || !doc.at(name).is_array())
            return;
        for (const auto &v : doc.at(name))
            if (v.is_string())
                out.push_back(v.get<std::string>());
    };
    readList("httpStatusKeys", k.m_httpStatusKeys);
    readList("errorTagKeys", k.m_errorKeys);
    return k;
}

ExtensionKeys::Role ExtensionKeys::role(std::string_view key) const
{
    const auto it = m_roles.find(key);
    return it == m_roles.end() ? Role::None : it->second;
}

const ExtensionKeys::Label *ExtensionKeys::keyLabel(std::string_view key) const
{
    const auto it = m_labels.find(key);
    return it == m_labels.end() ? nullptr : &it->second;
}

const ExtensionKeys::Family *ExtensionKeys::familyOf(std::string_view key) const
{
    for (const auto &f : m_families)
        if (key.starts_with(f.prefix))
            return &f;
    return nullptr;
}

const ExtensionKeys::Group *ExtensionKeys::groupOf(std::string_view key) const
{
    for (const auto &g : m_groups)
        if (key.find(g.infix) != std::string_view::npos)
            return &g;
    return nullptr;
}

bool ExtensionKeys::isHttpStatusKey(std::string_view key) const
{
    return std::find(m_httpStatusKeys.begin(), m_httpStatusKeys.end(), key) != m_httpStatusKeys.end();
}

bool ExtensionKeys::isErrorTagKey(std::string_view key) const
{
    return std::find(m_errorKeys.begin(), m_errorKeys.end(), key) != m_errorKeys.end();
}

} // namespace td
