// The one error every API handler throws for a bad request: an HTTP status
// (4xx, or 503 when busy) and a message that names what was wrong, sent back
// as {"error": "...", "field": "..."} by json_api.
#pragma once

#include <stdexcept>
#include <string>

namespace lofi::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string message, std::string field = {})
      : std::runtime_error(std::move(message)), status_(status), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }  // empty when no one field is at fault

 private:
  int status_;
  std::string field_;
};

}  // namespace lofi::server
