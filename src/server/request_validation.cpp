#include "server/request_validation.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "server/api_error.h"

namespace lofi::server {
namespace {

std::string number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

const FieldRule* findRule(const Schema& schema, const std::string& name) {
  for (const FieldRule& rule : schema.fields)
    if (rule.name == name) return &rule;
  return nullptr;
}

std::string fieldList(const Schema& schema) {
  std::string list;
  for (const FieldRule& rule : schema.fields) list += (list.empty() ? "" : ", ") + rule.name;
  return list;
}

std::string rangeText(const FieldRule& rule) {
  const bool low = std::isfinite(rule.min), high = std::isfinite(rule.max);
  if (low && high) return " from " + number(rule.min) + " to " + number(rule.max);
  if (low) return " of at least " + number(rule.min);
  if (high) return " of at most " + number(rule.max);
  return "";
}

[[noreturn]] void fail(const FieldRule& rule, const std::string& message) {
  throw ApiError(400, "field '" + rule.name + "' " + message, rule.name);
}

void checkNumber(const FieldRule& rule, const nlohmann::json& value) {
  const bool integer = rule.type == FieldType::Integer;
  const char* kind = integer ? "an integer" : "a number";
  if (!value.is_number()) fail(rule, std::string("must be ") + kind + rangeText(rule) + ", not " + value.type_name());
  const double number = value.get<double>();
  if (integer && !value.is_number_integer() && number != std::floor(number))
    fail(rule, std::string("must be an integer") + rangeText(rule) + ", not " + value.dump());
  if (!std::isfinite(number) || number < rule.min || number > rule.max)
    fail(rule, std::string("must be ") + kind + rangeText(rule) + ", not " + value.dump());
}

void checkString(const FieldRule& rule, const nlohmann::json& value) {
  if (!value.is_string()) fail(rule, std::string("must be a string, not ") + value.type_name());
  const std::size_t length = characterCount(value.get_ref<const std::string&>());
  if (length < rule.minLength)
    fail(rule, rule.minLength == 1 ? "must not be empty" : "must have at least " + std::to_string(rule.minLength) + " characters");
  if (length > rule.maxLength)
    fail(rule, "must have at most " + std::to_string(rule.maxLength) + " characters, not " + std::to_string(length));
}

void checkValue(const FieldRule& rule, const nlohmann::json& value) {
  switch (rule.type) {
    case FieldType::Integer:
    case FieldType::Number: checkNumber(rule, value); break;
    case FieldType::String: checkString(rule, value); break;
    case FieldType::Boolean:
      if (!value.is_boolean()) fail(rule, std::string("must be true or false, not ") + value.type_name());
      break;
  }
}

nlohmann::json parseQueryValue(const FieldRule& rule, const std::string& text) {
  switch (rule.type) {
    case FieldType::String: return text;
    case FieldType::Boolean:
      if (text == "true" || text == "1") return true;
      if (text == "false" || text == "0") return false;
      fail(rule, "must be true or false, not '" + text + "'");
    case FieldType::Integer:
    case FieldType::Number: {
      const char* begin = text.c_str();
      char* end = nullptr;
      errno = 0;
      const double value = std::strtod(begin, &end);
      if (text.empty() || end != begin + text.size() || errno == ERANGE || !std::isfinite(value) ||
          text.find_first_of("xXpP") != std::string::npos)  // no hexadecimal numbers, as in JSON
        fail(rule, std::string("must be ") + (rule.type == FieldType::Integer ? "an integer" : "a number") +
                       rangeText(rule) + ", not '" + text + "'");
      if (rule.type == FieldType::Integer && value == std::floor(value) && std::fabs(value) < 9.0e15)
        return static_cast<std::int64_t>(value);
      return value;
    }
  }
  return nullptr;
}

}  // namespace

std::size_t characterCount(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;  // every byte that does not continue a sequence
  return count;
}

const nlohmann::json& validate(const nlohmann::json& body, const Schema& schema) {
  if (!body.is_object()) throw ApiError(400, "the " + schema.what + " must be a JSON object");
  for (const auto& [name, value] : body.items()) {
    const FieldRule* rule = findRule(schema, name);
    if (!rule) throw ApiError(400, "unknown field '" + name + "' in the " + schema.what + " (known: " + fieldList(schema) + ")", name);
    checkValue(*rule, value);
  }
  for (const FieldRule& rule : schema.fields)
    if (rule.required && !body.contains(rule.name)) fail(rule, "is required in the " + schema.what);
  return body;
}

nlohmann::json fromQuery(const std::multimap<std::string, std::string>& parameters, const Schema& schema) {
  nlohmann::json body = nlohmann::json::object();
  for (const auto& [name, text] : parameters) {
    const FieldRule* rule = findRule(schema, name);
    if (!rule) throw ApiError(400, "unknown parameter '" + name + "' in the " + schema.what + " (known: " + fieldList(schema) + ")", name);
    if (body.contains(name)) fail(*rule, "is given more than once");
    body[name] = parseQueryValue(*rule, text);
  }
  validate(body, schema);
  return body;
}

}  // namespace lofi::server
