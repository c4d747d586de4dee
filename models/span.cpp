#include "span.h"

namespace td {

const char *componentKey(Component c)
{
    switch (c) {
    case Component::None: return "";
    case Component::HttpService: return "httpservice";
    case Component::HttpClient: return "httpclient";
    case Component::FeignClient: return "feignclient";
    case Component::Jdbc: return "jdbc";
    case Component::Scheduled: return "scheduled";
    case Component::Other: return "other";
    }
    return "";
}

const char *spanKindName(SpanKind k)
{
    switch (k) {
    case SpanKind::Unspecified: return "";
    case SpanKind::Client: return "client";
    case SpanKind::Server: return "server";
    case SpanKind::Local: return "local";
    case SpanKind::Producer: return "producer";
    case SpanKind::Consumer: return "consumer";
    }
    return "";
}

} // namespace td
