#include "push/encryption.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>
#include <stdexcept>

#include "core/crypto.h"

namespace agora::push {

namespace {

constexpr uint32_t kRecordSize = 4096;
constexpr size_t kTagSize = 16;

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("Web Push encryption: ") + what); }

std::string hkdf(std::string_view salt, std::string_view ikm, std::string_view info, size_t length) {
  std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), EVP_KDF_free);
  std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr,
                                                                EVP_KDF_CTX_free);
  if (!ctx) fail("HKDF");
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(ikm.data()), ikm.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()), salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()), info.size()),
      OSSL_PARAM_construct_end(),
  };
  std::string out(length, '\0');
  if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), length, params) <= 0) fail("HKDF");
  return out;
}

std::string aes128gcm(std::string_view key, std::string_view nonce, std::string_view plaintext) {
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::string out(plaintext.size() + kTagSize, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  int len = 0, final_len = 0;
  if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_aes_128_gcm(), reinterpret_cast<const unsigned char*>(key.data()),
                                  reinterpret_cast<const unsigned char*>(nonce.data()), nullptr) != 1 ||
      EVP_EncryptUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), o + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, o + len + final_len) != 1)
    fail("AES-GCM");
  out.resize(static_cast<size_t>(len + final_len) + kTagSize);
  return out;
}

}  // namespace

std::string encrypt(std::string_view plaintext, std::string_view subscriber_point, std::string_view auth_secret,
                    const P256Key& sender, std::string_view salt) {
  if (plaintext.size() > kMaxPlaintext) throw std::invalid_argument("Web Push payload too large");
  if (auth_secret.empty() || salt.size() != 16) throw std::invalid_argument("Web Push: bad auth secret or salt");
  P256Key subscriber = P256Key::from_public_point(subscriber_point);
  std::string sender_point = sender.public_point();
  std::string ecdh = sender.derive(subscriber);

  // RFC 8291 section 3.4: the auth secret and both public keys go into the IKM.
  std::string key_info = std::string("WebPush: info") + '\0';
  key_info.append(subscriber_point).append(sender_point);
  std::string ikm = hkdf(auth_secret, ecdh, key_info, 32);
  std::string cek = hkdf(salt, ikm, std::string("Content-Encoding: aes128gcm") + '\0', 16);
  std::string nonce = hkdf(salt, ikm, std::string("Content-Encoding: nonce") + '\0', 12);

  // One record, the last: its padding starts with the delimiter 0x02.
  std::string record(plaintext);
  record.push_back('\x02');

  // RFC 8188 header: salt, record size (big-endian), key id length, key id.
  std::string body(salt);
  for (int shift = 24; shift >= 0; shift -= 8) body.push_back(static_cast<char>((kRecordSize >> shift) & 0xff));
  body.push_back(static_cast<char>(sender_point.size()));
  body.append(sender_point);
  body.append(aes128gcm(cek, nonce, record));
  return body;
}

std::string encrypt(std::string_view plaintext, std::string_view subscriber_point, std::string_view auth_secret) {
  return encrypt(plaintext, subscriber_point, auth_secret, P256Key::generate(), crypto::random_bytes(16));
}

}  // namespace agora::push
