#include "media/blurhash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace agora::media {

namespace {

constexpr std::string_view kBase83 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

void append_base83(std::string& out, int value, int digits) {
  for (int i = 1; i <= digits; ++i) {
    int divisor = 1;
    for (int k = 0; k < digits - i; ++k) divisor *= 83;
    out += kBase83[(value / divisor) % 83];
  }
}

double srgb_to_linear(int value) {
  double v = value / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

int linear_to_srgb(double value) {
  double v = std::clamp(value, 0.0, 1.0);
  if (v <= 0.0031308) return static_cast<int>(v * 12.92 * 255 + 0.5);
  return static_cast<int>((1.055 * std::pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
}

double sign_pow(double value, double exp) { return std::copysign(std::pow(std::fabs(value), exp), value); }

}  // namespace

std::string blurhash_encode(const std::vector<uint8_t>& rgb, int width, int height, int x_components,
                            int y_components) {
  if (x_components < 1 || x_components > 9 || y_components < 1 || y_components > 9 || width < 1 || height < 1 ||
      rgb.size() != static_cast<size_t>(width) * height * 3)
    throw std::invalid_argument("blurhash: bad dimensions");

  // Linear values once, cosines once per axis.
  std::vector<std::array<double, 3>> linear(static_cast<size_t>(width) * height);
  for (size_t p = 0; p < linear.size(); ++p)
    for (int c = 0; c < 3; ++c) linear[p][c] = srgb_to_linear(rgb[p * 3 + c]);
  auto cosines = [](int n, int size) {
    std::vector<double> out(static_cast<size_t>(n) * size);
    for (int i = 0; i < n; ++i)
      for (int x = 0; x < size; ++x) out[static_cast<size_t>(i) * size + x] = std::cos(M_PI * i * x / size);
    return out;
  };
  auto cos_x = cosines(x_components, width), cos_y = cosines(y_components, height);

  std::vector<std::array<double, 3>> factors;
  for (int j = 0; j < y_components; ++j)
    for (int i = 0; i < x_components; ++i) {
      std::array<double, 3> sum{0, 0, 0};
      for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
          double basis = cos_x[static_cast<size_t>(i) * width + x] * cos_y[static_cast<size_t>(j) * height + y];
          const auto& px = linear[static_cast<size_t>(y) * width + x];
          for (int c = 0; c < 3; ++c) sum[c] += basis * px[c];
        }
      double scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (static_cast<double>(width) * height);
      for (auto& v : sum) v *= scale;
      factors.push_back(sum);
    }

  std::string out;
  append_base83(out, (x_components - 1) + (y_components - 1) * 9, 1);
  double maximum = 1;
  if (factors.size() > 1) {
    double actual = 0;
    for (size_t k = 1; k < factors.size(); ++k)
      for (double v : factors[k]) actual = std::max(actual, std::fabs(v));
    int quantised = std::clamp(static_cast<int>(std::floor(actual * 166 - 0.5)), 0, 82);
    maximum = (quantised + 1) / 166.0;
    append_base83(out, quantised, 1);
  } else {
    append_base83(out, 0, 1);
  }
  const auto& dc = factors[0];
  append_base83(out, (linear_to_srgb(dc[0]) << 16) + (linear_to_srgb(dc[1]) << 8) + linear_to_srgb(dc[2]), 4);
  for (size_t k = 1; k < factors.size(); ++k) {
    auto q = [&](double v) { return std::clamp(static_cast<int>(std::floor(sign_pow(v / maximum, 0.5) * 9 + 9.5)), 0, 18); };
    append_base83(out, q(factors[k][0]) * 19 * 19 + q(factors[k][1]) * 19 + q(factors[k][2]), 2);
  }
  return out;
}

}  // namespace agora::media
