#include "push/p256.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <stdexcept>

namespace agora::push {

namespace {

constexpr size_t kPointSize = 65;
constexpr int kScalarSize = 32;

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("P-256: ") + what); }

template <typename T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using Ctx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Sig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

// Builds a key from OSSL parameters (group, point, and the scalar if given).
EVP_PKEY* from_params(std::string_view point, const BIGNUM* scalar) {
  ParamBld bld(OSSL_PARAM_BLD_new());
  if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) ||
      (scalar && !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, scalar)))
    fail("parameters");
  Params params(OSSL_PARAM_BLD_to_param(bld.get()));
  Ctx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, scalar ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
    throw std::invalid_argument("P-256: not a valid key");
  return key;
}

bool is_p256(EVP_PKEY* key) {
  char group[64] = {0};
  size_t len = 0;
  return EVP_PKEY_is_a(key, "EC") &&
         EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &len) &&
         std::string_view(group, len) == "prime256v1";
}

}  // namespace

void P256Key::Free::operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }

P256Key P256Key::generate() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (!key) fail("key generation");
  return P256Key(key);
}

P256Key P256Key::from_private_pem(std::string_view pem) {
  std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (!key) throw std::invalid_argument("P-256: unreadable private key");
  P256Key out(key);
  if (!is_p256(key)) throw std::invalid_argument("P-256: not a P-256 key");
  return out;
}

P256Key P256Key::from_raw(std::string_view private_scalar, std::string_view public_point) {
  if (private_scalar.size() != static_cast<size_t>(kScalarSize) || public_point.size() != kPointSize)
    throw std::invalid_argument("P-256: bad key sizes");
  Bignum d(BN_bin2bn(reinterpret_cast<const unsigned char*>(private_scalar.data()), kScalarSize, nullptr));
  if (!d) fail("scalar");
  return P256Key(from_params(public_point, d.get()));
}

P256Key P256Key::from_public_point(std::string_view point) {
  if (point.size() != kPointSize || point[0] != 0x04) throw std::invalid_argument("P-256: not an uncompressed point");
  P256Key key(from_params(point, nullptr));
  Ctx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) throw std::invalid_argument("P-256: point not on the curve");
  return key;
}

bool valid_public_point(std::string_view point) {
  try {
    P256Key::from_public_point(point);
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

std::string P256Key::public_point() const {
  unsigned char buf[kPointSize];
  size_t len = 0;
  if (!EVP_PKEY_get_octet_string_param(key_.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, buf, sizeof(buf), &len) ||
      len != kPointSize)
    fail("public point");
  return std::string(reinterpret_cast<char*>(buf), len);
}

std::string P256Key::private_pem() const {
  std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>> bio(BIO_new(BIO_s_mem()));
  if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr))
    fail("PEM export");
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

std::string P256Key::derive(const P256Key& peer) const {
  Ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) <= 0 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) <= 0)
    fail("ECDH");
  std::string secret(len, '\0');
  if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(secret.data()), &len) <= 0) fail("ECDH");
  secret.resize(len);
  return secret;
}

std::string P256Key::sign_es256(std::string_view data) const {
  MdCtx md(EVP_MD_CTX_new());
  size_t len = 0;
  if (!md || EVP_DigestSignInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, key_.get(), nullptr) <= 0 ||
      EVP_DigestSign(md.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(data.data()), data.size()) <= 0)
    fail("sign");
  std::string der(len, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(der.data()), &len,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) <= 0)
    fail("sign");
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  Sig sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(len)));
  if (!sig) fail("signature");
  std::string raw(2 * kScalarSize, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, kScalarSize) != kScalarSize ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + kScalarSize, kScalarSize) != kScalarSize)
    fail("signature");
  return raw;
}

bool P256Key::verify_es256(std::string_view data, std::string_view signature) const {
  if (signature.size() != 2 * static_cast<size_t>(kScalarSize)) return false;
  const auto* in = reinterpret_cast<const unsigned char*>(signature.data());
  Sig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(in, kScalarSize, nullptr);
  BIGNUM* s = BN_bin2bn(in + kScalarSize, kScalarSize, nullptr);
  if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r, s)) {
    BN_free(r);
    BN_free(s);
    return false;
  }
  unsigned char* der = nullptr;
  int der_len = i2d_ECDSA_SIG(sig.get(), &der);
  if (der_len <= 0) return false;
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> der_owner(der, [](unsigned char* p) { OPENSSL_free(p); });
  MdCtx md(EVP_MD_CTX_new());
  return md && EVP_DigestVerifyInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, key_.get(), nullptr) > 0 &&
         EVP_DigestVerify(md.get(), der, static_cast<size_t>(der_len),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

}  // namespace agora::push
