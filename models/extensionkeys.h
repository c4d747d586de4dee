#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace td {

// The extension keys (iplatform and others), their roles and their labels in English and Chinese,
// read once from resources/extensions.json so that adding a vendor's keys needs no code change.
class ExtensionKeys
{
public:
    enum class Role { None, Component, Succeed, Busisys, ServiceInstId, DurationMoveAvg, WarnPct, WarnType, ExceptionClass };

    struct Label
    {
        QString en;
        QString zh;
        QString meaningEn;
        QString meaningZh;
        const QString &text(bool chinese) const { return chinese && !zh.isEmpty() ? zh : en; }
    };

    struct Family
    {
        std::string prefix; // "httpclient."
        std::string component;
        Label label;
    };

    struct Group
    {
        std::string infix; // ".request.headers."
        std::string id;
        Label label;
    };

    static const ExtensionKeys &instance();

    Role role(std::string_view key) const;
    // The extension keys with a role, in the order of the data file (for the iplatform panel).
    const std::vector<std::string> &roleKeys() const { return m_roleKeys; }
    const Label *keyLabel(std::string_view key) const; // role keys, family keys and endpoint keys
    const std::vector<Family> &families() const { return m_families; }
    const Family *familyOf(std::string_view key) const;
    const std::vector<Group> &groups() const { return m_groups; }
    const Group *groupOf(std::string_view key) const;
    bool isHttpStatusKey(std::string_view key) const;
    bool isErrorTagKey(std::string_view key) const;
    bool isEndpointKey(std::string_view key) const { return key == "sa" || key == "ca"; }
    // Why the data file could not be used (missing, not a JSON object, no keys); empty when it loaded.
    // TraceDesk refuses to start with a damaged file rather than show spans without their extension keys.
    const QString &loadError() const { return m_loadError; }

    // Loads a data file in the same form; used by instance() and by tests.
    static ExtensionKeys fromJson(const QByteArray &json);

private:
    // Transparent hashing: lookups by string_view, without building a std::string per tag read.
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Role, Hash, std::equal_to<>> m_roles;
    std::unordered_map<std::string, Label, Hash, std::equal_to<>> m_labels;
    std::vector<std::string> m_roleKeys;
    std::vector<Family> m_families;
    std::vector<Group> m_groups;
    std::vector<std::string> m_httpStatusKeys;
    std::vector<std::string> m_errorKeys;
    QString m_loadError;
};

} // namespace td
