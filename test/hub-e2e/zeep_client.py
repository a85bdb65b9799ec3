"""A python zeep client of the exchange hub, for the interop test (test/hub-e2e/zeep-interop.test.ts).

zeep builds the client from the hub's ?wsdl (every schema import is fetched and compiled), finds the
SendRequest / GetResponse operations, their SOAPAction and the endpoint address there, posts our pre-signed
envelopes (the detached SMEV signature is made by the kit's signer; zeep has no SMEV transform) and parses the
answers with the WSDL's bindings into zeep objects. Prints one JSON line.

usage: zeep_client.py WSDL_URL SEND_REQUEST_FILE GET_RESPONSE_FILE
"""
import json
import sys
import time

from lxml import etree
from zeep import Client


def call(client, name, envelope_path):
    binding = client.service._binding
    operation = binding._operations[name]
    address = client.service._binding_options["address"]
    with open(envelope_path, "rb") as handle:
        envelope = etree.fromstring(handle.read())
    headers = {"SOAPAction": '"%s"' % operation.soapaction, "Content-Type": "text/xml; charset=utf-8"}
    response = client.transport.post_xml(address, envelope, headers)
    return binding.process_reply(client, operation, response)


def field(value, name):
    """A child of a zeep value object, None when absent (an empty GetResponseResponse has no children)."""
    if value is None:
        return None
    values = getattr(value, "__values__", None)
    if values is not None:
        return values.get(name)
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def main():
    wsdl_url, send_path, get_path = sys.argv[1:4]
    client = Client(wsdl_url)
    sent = call(client, "SendRequest", send_path)
    metadata = field(sent, "MessageMetadata")
    result = {"operations": sorted(client.service._binding._operations.keys()), "sendStatus": metadata["Status"], "sentMessageId": metadata["MessageId"]}
    deadline = time.time() + 10
    while time.time() < deadline:
        got = call(client, "GetResponse", get_path)
        # zeep unwraps a single-child answer: the result may be ResponseMessage itself.
        message = field(got, "ResponseMessage") or (got if field(got, "Response") is not None else None)
        if message is not None:
            response = field(message, "Response")
            data = response["SenderProvidedResponseData"]
            content = data["MessagePrimaryContent"]
            result.update({
                "originalMessageId": response["OriginalMessageId"],
                "responseMessageId": data["MessageID"],
                "sender": response["MessageMetadata"]["Sender"]["Mnemonic"],
                "content": etree.tostring(content["_value_1"]).decode("utf-8") if content is not None else None,
            })
            break
        time.sleep(0.05)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
