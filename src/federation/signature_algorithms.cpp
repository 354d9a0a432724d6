#include "federation/signature_algorithms.h"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace agora::federation {

namespace {

using Key = std::shared_ptr<EVP_PKEY>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Key decode_key(std::string_view pem, int selection) {
  EVP_PKEY* pkey = nullptr;
  std::unique_ptr<OSSL_DECODER_CTX, decltype(&OSSL_DECODER_CTX_free)> decoder(
      OSSL_DECODER_CTX_new_for_pkey(&pkey, "PEM", nullptr, nullptr, selection, nullptr, nullptr),
      OSSL_DECODER_CTX_free);
  if (!decoder) return nullptr;
  auto* data = reinterpret_cast<const unsigned char*>(pem.data());
  size_t size = pem.size();
  if (OSSL_DECODER_from_data(decoder.get(), &data, &size) != 1) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  return Key(pkey, EVP_PKEY_free);
}

// Decoding a PEM costs far more than checking an RSA signature (OpenSSL 3's
// decoders look up providers each time), and the same few keys sign most
// requests, so decoded keys are kept. A loaded EVP_PKEY is only read
// afterwards, which OpenSSL allows from many threads at once.
Key load_key(std::string_view pem, int selection) {
  constexpr size_t kMaxCachedKeys = 4096;
  static std::mutex mutex;
  static std::unordered_map<std::string, Key> cache;
  std::string cache_key = std::to_string(selection) + ":" + std::string(pem);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(cache_key); it != cache.end()) return it->second;
  }
  Key key = decode_key(pem, selection);
  if (!key) return nullptr;
  std::lock_guard lock(mutex);
  if (cache.size() >= kMaxCachedKeys) cache.clear();  // a crude bound; rotation beyond it just decodes again
  cache.emplace(std::move(cache_key), key);
  return key;
}

Key load_public(std::string_view pem) { return load_key(pem, EVP_PKEY_PUBLIC_KEY); }
Key load_private(std::string_view pem) { return load_key(pem, EVP_PKEY_KEYPAIR); }

bool is_p256(EVP_PKEY* key) {
  if (!EVP_PKEY_is_a(key, "EC")) return false;
  char group[64] = {0};
  size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1) return false;
  return std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "P-256") == 0;
}

bool fits(EVP_PKEY* key, Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::rsa_v1_5_sha256: return EVP_PKEY_is_a(key, "RSA");
    case Algorithm::rsa_pss_sha512: return EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS");
    case Algorithm::ecdsa_p256_sha256: return is_p256(key);
    case Algorithm::ed25519: return EVP_PKEY_is_a(key, "ED25519");
  }
  return false;
}

const EVP_MD* digest_of(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::rsa_v1_5_sha256:
    case Algorithm::ecdsa_p256_sha256: return EVP_sha256();
    case Algorithm::rsa_pss_sha512: return EVP_sha512();
    case Algorithm::ed25519: return nullptr;  // Ed25519 hashes internally
  }
  return nullptr;
}

bool configure_padding(EVP_PKEY_CTX* pctx, Algorithm algorithm) {
  if (algorithm == Algorithm::rsa_v1_5_sha256) return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;
  if (algorithm == Algorithm::rsa_pss_sha512)
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 64) > 0 && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha512()) > 0;
  return true;
}

// ECDSA signatures travel as raw r||s (RFC 9421) or DER (what OpenSSL speaks).
std::optional<std::string> raw_ecdsa_to_der(std::string_view raw) {
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), len);
  OPENSSL_free(der);
  return out;
}

std::optional<std::string> der_ecdsa_to_raw(std::string_view der) {
  auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())),
                                                             ECDSA_SIG_free);
  if (!sig) return std::nullopt;
  std::string out(64, '\0');
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(out.data()), 32) != 32 ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(out.data()) + 32, 32) != 32)
    return std::nullopt;
  return out;
}

}  // namespace

std::optional<Algorithm> algorithm_named(std::string_view name) {
  if (name == "rsa-v1_5-sha256") return Algorithm::rsa_v1_5_sha256;
  if (name == "rsa-pss-sha512") return Algorithm::rsa_pss_sha512;
  if (name == "ecdsa-p256-sha256") return Algorithm::ecdsa_p256_sha256;
  if (name == "ed25519") return Algorithm::ed25519;
  return std::nullopt;
}

std::string_view algorithm_name(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::rsa_v1_5_sha256: return "rsa-v1_5-sha256";
    case Algorithm::rsa_pss_sha512: return "rsa-pss-sha512";
    case Algorithm::ecdsa_p256_sha256: return "ecdsa-p256-sha256";
    case Algorithm::ed25519: return "ed25519";
  }
  return "?";
}

static std::optional<Algorithm> algorithm_for(const Key& key) {
  if (!key) return std::nullopt;
  if (EVP_PKEY_is_a(key.get(), "RSA")) return Algorithm::rsa_v1_5_sha256;
  if (EVP_PKEY_is_a(key.get(), "RSA-PSS")) return Algorithm::rsa_pss_sha512;
  if (is_p256(key.get())) return Algorithm::ecdsa_p256_sha256;
  if (EVP_PKEY_is_a(key.get(), "ED25519")) return Algorithm::ed25519;
  return std::nullopt;
}

std::optional<Algorithm> default_algorithm_for(std::string_view public_pem) {
  return algorithm_for(load_public(public_pem));
}

std::optional<Algorithm> signing_algorithm_for(std::string_view private_pem) {
  return algorithm_for(load_private(private_pem));
}

bool key_fits(std::string_view public_pem, Algorithm algorithm) {
  Key key = load_public(public_pem);
  return key && fits(key.get(), algorithm);
}

bool verify_bytes(Algorithm algorithm, std::string_view public_pem, std::string_view data,
                  std::string_view signature) {
  Key key = load_public(public_pem);
  if (!key || !fits(key.get(), algorithm)) return false;
  std::string der;
  if (algorithm == Algorithm::ecdsa_p256_sha256 && signature.size() == 64) {
    auto converted = raw_ecdsa_to_der(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  }
  DigestContext ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, digest_of(algorithm), nullptr, key.get()) != 1 ||
      !configure_padding(pctx, algorithm))
    return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

std::string sign_bytes(Algorithm algorithm, std::string_view private_pem, std::string_view data) {
  Key key = load_private(private_pem);
  if (!key) throw std::runtime_error("unreadable private key");
  if (!fits(key.get(), algorithm))
    throw std::runtime_error(std::string("the private key cannot sign ") + std::string(algorithm_name(algorithm)));
  DigestContext ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;
  size_t size = 0;
  auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, digest_of(algorithm), nullptr, key.get()) != 1 ||
      !configure_padding(pctx, algorithm) || EVP_DigestSign(ctx.get(), nullptr, &size, in, data.size()) != 1)
    throw std::runtime_error("signing failed");
  std::string out(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size, in, data.size()) != 1)
    throw std::runtime_error("signing failed");
  out.resize(size);
  if (algorithm == Algorithm::ecdsa_p256_sha256) {
    auto raw = der_ecdsa_to_raw(out);
    if (!raw) throw std::runtime_error("signing failed");
    return *raw;
  }
  return out;
}

}  // namespace agora::federation
